package com.careloop.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.careloop.customer.CustomerRequest;
import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerView;
import com.careloop.errors.ConflictException;
import com.careloop.errors.ForbiddenException;
import com.careloop.errors.InvalidRequestException;
import com.careloop.followup.FollowUpService;
import com.careloop.identity.ApiUser;
import com.careloop.notification.NotificationWorker;
import com.careloop.sla.WorkCalendar;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SLA pause (issue 9) on the engine clock: a pause over a weekend moves the deadlines by the paused working time
 * and re-arms the parked reminder and escalation timers at the moved dates; a long pause notifies the supervisors
 * once; the progress notice before the resolution deadline (sent, and skipped after a recent one); and the reminder
 * rule of issue 17 (a reminder whose deadline has passed is skipped) for every reminder of feedbackHandling.
 */
class FeedbackSlaPauseProcessTest extends CareLoopTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ApiUser TECH = new ApiUser("tech1", Set.of("aftersales-tech"));
    static final ApiUser PRODUCT = new ApiUser("product1", Set.of("product"));

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired FeedbackService feedback;
    @Autowired SlaPause pause;
    @Autowired NotificationWorker notifications;
    @Autowired WorkCalendar calendar;
    @Autowired JdbcTemplate jdbc;

    Fixtures fx;
    CustomerView customer;

    @BeforeEach
    void setUp() {
        init(engine);
        fx = new Fixtures(engine, customers, followUps);
        String id = "P-" + UUID.randomUUID().toString().substring(0, 8);
        customer = customers.upsertView(new CustomerRequest(id, "暂停客户 " + id, null,
                "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)), id.toLowerCase() + "@example.com",
                null, null, false, null, null, null, null, null, null));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static Instant at(String localShanghai) {
        return LocalDateTime.parse(localShanghai).atZone(SHANGHAI).toInstant();
    }

    static void clock(Instant at) {
        ClockUtil.setCurrentTime(Date.from(at));
    }

    /** A LOW problem (aftersales-tech, working-time SLA: response P3D, resolution P10D), verified, waiting for its response. */
    FeedbackItem routedItem(Instant registeredAt) {
        clock(registeredAt);
        FeedbackItem item = feedback.registerInboundItem(new InboundFeedbackRequest(customer.id(), null, null, FeedbackChannel.EMAIL,
                null, null, null, null, null, null, FeedbackType.PROBLEM, Urgency.LOW, null, "热水器不出热水"), "center1");
        fx.verifyValid(item.getProcessInstanceId());
        assertThat(pi(item)).isWaitingAt(FeedbackService.RESPOND_TASK);
        return reload(item);
    }

    void respond(FeedbackItem item) {
        fx.complete(fx.task(item.getProcessInstanceId(), FeedbackService.RESPOND_TASK), "contactMade", true,
                "responsePlan", "安排上门检修", "resolvedOnFirstContact", false);
        assertThat(pi(item)).isWaitingAt(FeedbackService.RESOLVE_TASK);
    }

    ProcessInstance pi(FeedbackItem item) {
        return runtime.createProcessInstanceQuery().processInstanceId(item.getProcessInstanceId()).singleResult();
    }

    FeedbackItem reload(FeedbackItem item) {
        return feedback.get(item.getId());
    }

    Job job(FeedbackItem item, String activity) {
        return fx.job(item.getProcessInstanceId(), activity);
    }

    Date variable(FeedbackItem item, String name) {
        return (Date) runtime.getVariable(item.getProcessInstanceId(), name);
    }

    List<String> progress(FeedbackItem item) {
        return jdbc.queryForList("select kind || ' ' || coalesce(note, '') from feedback_progress where feedback_item_id = ? order by id",
                String.class, item.getId());
    }

    int deliveries(FeedbackItem item, String type) {
        return jdbc.queryForObject("select count(*) from notification_delivery where reference = ? and type = ?", Integer.class,
                item.getNumber(), type);
    }

    @Test
    void aPauseOverTheWeekendMovesTheDeadlinesByThePausedWorkingTimeAndReArmsTheTimers() {
        FeedbackItem item = routedItem(at("2026-12-03T10:00")); // Thursday
        Instant responseDue = item.getResponseDueAt();
        Instant resolutionDue = item.getResolutionDueAt();
        assertThat(responseDue).isEqualTo(at("2026-12-08T10:00"));
        Date reminder = job(item, "Timer_ResponseSlaReminder").getDuedate();

        clock(at("2026-12-04T16:00")); // Friday afternoon: waiting for parts
        pause.pauseItem(item.getNumber(), new SlaPause.PauseRequest("WAITING_FOR_PARTS", "配件预计下周到"), TECH);
        FeedbackItem paused = reload(item);
        assertThat(paused.isPausedNow()).isTrue();
        assertThat(paused.getPauseReason()).isEqualTo(PauseReason.WAITING_FOR_PARTS);
        assertThat(job(item, "Timer_ResponseSlaReminder").getDuedate()).isEqualTo(SlaPause.PARKED);
        assertThat(job(item, "Timer_ResponseSlaBreached").getDuedate()).isEqualTo(SlaPause.PARKED);
        assertThat(pi(item)).isWaitingAt(FeedbackService.RESPOND_TASK, "Gateway_PauseEnds");
        assertThatThrownBy(() -> pause.pauseItem(item.getNumber(), new SlaPause.PauseRequest("WAITING_FOR_CUSTOMER", null), TECH))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already paused");

        clock(at("2026-12-07T11:00")); // Monday: 16:00-18:00 on Friday and 09:00-11:00 on Monday were paused
        pause.resumeItem(item.getNumber(), new SlaPause.ResumeRequest("配件已到"), TECH);
        FeedbackItem resumed = reload(item);
        Duration paused4h = Duration.ofHours(4);
        assertThat(resumed.isPausedNow()).isFalse();
        assertThat(resumed.getPausedMinutes()).isEqualTo(240);
        assertThat(resumed.getResponseDueAt()).isEqualTo(at("2026-12-08T14:00"));
        assertThat(resumed.getResolutionDueAt()).isEqualTo(calendar.plusWorkingTime(resolutionDue, paused4h));
        Job breached = job(item, "Timer_ResponseSlaBreached");
        assertThat(breached.getDuedate()).isNotEqualTo(SlaPause.PARKED);
        assertThat(breached.getDuedate()).isEqualTo(Date.from(at("2026-12-08T14:00")));
        assertThat(job(item, "Timer_ResponseSlaReminder").getDuedate()).isEqualTo(Date.from(calendar.plusWorkingTime(reminder.toInstant(), paused4h)));
        assertThat(job(item, "Timer_ResponseSlaReminder").getDuedate()).isNotEqualTo(SlaPause.PARKED);
        assertThat(variable(item, FeedbackVariables.RESPONSE_DUE)).isEqualTo(Date.from(at("2026-12-08T14:00")));
        assertThat(variable(item, FeedbackVariables.RESOLUTION_DUE)).isEqualTo(Date.from(resumed.getResolutionDueAt()));
        assertThat(fx.task(item.getProcessInstanceId(), FeedbackService.RESPOND_TASK).getDueDate()).isEqualTo(Date.from(at("2026-12-08T14:00")));
        assertThat(pi(item)).hasPassed("Event_SlaResumed", "EndEvent_PauseEnded");
        assertThat(job(item, "Timer_LongPause")).isNull();
        assertThat(progress(item)).anyMatch(p -> p.startsWith("PAUSED") && p.contains("等待配件"))
                .anyMatch(p -> p.startsWith("RESUMED") && p.contains("240 min"));
        assertThatThrownBy(() -> pause.resumeItem(item.getNumber(), null, TECH))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not paused");

        // the resolution task's timers come from the moved deadline
        respond(item);
        assertThat(job(item, "Timer_ResolutionSlaBreached").getDuedate()).isEqualTo(Date.from(resumed.getResolutionDueAt()));
    }

    @Test
    void onlyTheHandlersOfTheOpenTaskPauseAndBadInputWritesNothing() {
        FeedbackItem item = routedItem(at("2026-12-03T10:00"));
        assertThatThrownBy(() -> pause.pauseItem(item.getNumber(), new SlaPause.PauseRequest("WAITING_FOR_PARTS", null), PRODUCT))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> pause.pauseItem(item.getNumber(), new SlaPause.PauseRequest("COFFEE_BREAK", null), TECH))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> pause.pauseItem(item.getNumber(), new SlaPause.PauseRequest(null, null), TECH))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(reload(item).isPausedNow()).isFalse();
        assertThat(job(item, "Timer_ResponseSlaBreached").getDuedate()).isNotEqualTo(SlaPause.PARKED);
        assertThat(progress(item)).noneMatch(p -> p.startsWith("PAUSED"));
        // a supervisor may pause any item of the team's processes
        pause.pauseItem(item.getNumber(), new SlaPause.PauseRequest("WAITING_FOR_CUSTOMER", null), new ApiUser("supervisor1", Set.of("cs-supervisors")));
        assertThat(reload(item).isPausedNow()).isTrue();
    }

    @Test
    void completingThePausedTaskEndsThePause() {
        FeedbackItem item = routedItem(at("2026-12-03T10:00"));
        clock(at("2026-12-03T11:00"));
        pause.pauseItem(item.getNumber(), new SlaPause.PauseRequest("WAITING_FOR_CUSTOMER", null), TECH);
        clock(at("2026-12-03T13:00"));
        respond(item);
        FeedbackItem after = reload(item);
        assertThat(after.isPausedNow()).isFalse();
        assertThat(after.getPausedMinutes()).isEqualTo(120);
        assertThat(job(item, "Timer_ResolutionSlaBreached").getDuedate()).isEqualTo(Date.from(after.getResolutionDueAt()));
        assertThat(job(item, "Timer_ResolutionSlaBreached").getDuedate()).isNotEqualTo(SlaPause.PARKED);
    }

    @Test
    void aPauseLongerThanFiveWorkingDaysNotifiesTheSupervisorsOnce() {
        FeedbackItem item = routedItem(at("2026-12-03T10:00"));
        respond(item);
        clock(at("2026-12-04T10:00")); // Friday
        pause.pauseItem(item.getNumber(), new SlaPause.PauseRequest("WAITING_FOR_THIRD_PARTY", "等待厂家鉴定"), TECH);
        assertThat(job(item, "Timer_ResolutionSlaBreached").getDuedate()).isEqualTo(SlaPause.PARKED);
        assertThat(job(item, "Timer_ProgressNotice").getDuedate()).isEqualTo(SlaPause.PARKED);
        Job longPause = job(item, "Timer_LongPause");
        assertThat(longPause.getDuedate()).as("five working days later").isEqualTo(Date.from(at("2026-12-11T10:00")));

        clock(at("2026-12-11T10:00"));
        fx.executeJobs(item.getProcessInstanceId(), "Timer_LongPause");
        assertThat(pi(item)).isWaitingAt("Task_NotifyLongPause");
        assertThat(notifications.runOnce(item.getNumber())).isEqualTo(1);
        assertThat(pi(item)).hasPassed("EndEvent_LongPauseNotified").isWaitingAt(FeedbackService.RESOLVE_TASK);
        assertThat(deliveries(item, "SLA_LONG_PAUSE")).isPositive();
        assertThat(progress(item)).anyMatch(p -> p.startsWith("LONG_PAUSE"));
        assertThat(job(item, "Timer_LongPause")).as("once").isNull();

        pause.resumeItem(item.getNumber(), null, TECH);
        assertThat(reload(item).getPausedMinutes()).isEqualTo(5 * 9 * 60);
        assertThat(job(item, "Timer_ResolutionSlaBreached").getDuedate()).isNotEqualTo(SlaPause.PARKED);
    }

    @Test
    void theCustomerGetsAProgressNoticeBeforeTheResolutionDeadline() {
        FeedbackItem item = routedItem(at("2026-12-03T10:00"));
        respond(item);
        Job notice = job(item, "Timer_ProgressNotice");
        // feedback.progressNoticeLead (PT4H) of working time before the deadline
        assertThat(calendar.workingTimeBetween(notice.getDuedate().toInstant(), reload(item).getResolutionDueAt())).isEqualTo(Duration.ofHours(4));
        clock(notice.getDuedate().toInstant());
        fx.executeJobs(item.getProcessInstanceId(), "Timer_ProgressNotice");
        assertThat(pi(item)).isWaitingAt("Task_SendProgressNotice");
        assertThat(notifications.runOnce(item.getNumber())).isEqualTo(1);
        assertThat(pi(item)).hasPassed("EndEvent_ProgressNoticeSent");
        assertThat(jdbc.queryForList("select recipient from notification_delivery where reference = ? and type = 'FEEDBACK_PROGRESS'",
                String.class, item.getNumber())).contains(customer.phone());
        assertThat(reload(item).getLastProgressNoticeAt()).isEqualTo(notice.getDuedate().toInstant());
    }

    @Test
    void noProgressNoticeWhenOneWentOutInTheLast24Hours() {
        FeedbackItem item = routedItem(at("2026-12-03T10:00"));
        respond(item);
        Job notice = job(item, "Timer_ProgressNotice");
        // a notice went out 20 hours before this one is due (an earlier deadline of the item, before it was reopened)
        jdbc.update("update feedback_item set last_progress_notice_at = ? where id = ?",
                java.sql.Timestamp.from(notice.getDuedate().toInstant().minus(Duration.ofHours(20))), item.getId());
        clock(notice.getDuedate().toInstant());
        fx.executeJobs(item.getProcessInstanceId(), "Timer_ProgressNotice");
        assertThat(pi(item)).hasPassed("Task_CheckProgressNotice", "EndEvent_ProgressNoticeSkipped").isWaitingAt(FeedbackService.RESOLVE_TASK);
        assertThat(notifications.runOnce(item.getNumber())).isZero();
        assertThat(deliveries(item, "FEEDBACK_PROGRESS")).isZero();
    }

    @Test
    void aReminderWhoseDeadlineHasPassedIsSkipped() {
        // verification: both timers due, the reminder fires after its deadline
        clock(at("2026-12-03T10:00"));
        FeedbackItem item = feedback.registerInboundItem(new InboundFeedbackRequest(customer.id(), null, null, FeedbackChannel.EMAIL,
                null, null, null, null, null, null, FeedbackType.PROBLEM, Urgency.LOW, null, "遥控器失灵"), "center1");
        clock(at("2026-12-03T12:00"));
        fx.executeJobs(item.getProcessInstanceId(), "Timer_VerifySlaReminder");
        assertThat(pi(item)).hasPassed("Gateway_VerifyDeadlinePassed", "EndEvent_VerifyReminderSkipped").isWaitingAt(FeedbackService.VERIFY_TASK);
        fx.verifyValid(item.getProcessInstanceId());

        // response: the demo's case — the escalation has fired, the reminder comes after it and is skipped
        clock(reload(item).getResponseDueAt().plusSeconds(60));
        fx.executeJobs(item.getProcessInstanceId(), "Timer_ResponseSlaBreached");
        fx.executeJobs(item.getProcessInstanceId(), "Timer_ResponseSlaReminder");
        assertThat(pi(item)).hasPassed("EndEvent_ResponseReminderSkipped").hasNotPassed("Task_SendResponseReminder");
        respond(item);

        // resolution
        clock(reload(item).getResolutionDueAt());
        fx.executeJobs(item.getProcessInstanceId(), "Timer_ResolutionSlaReminder");
        assertThat(pi(item)).hasPassed("EndEvent_ResolutionReminderSkipped").hasNotPassed("Task_SendResolutionReminder");
        notifications.runOnce(item.getNumber());
        assertThat(deliveries(item, "SLA_REMINDER")).isZero();
        assertThat(deliveries(item, "SLA_ESCALATION")).isPositive();
    }
}
