package com.careloop.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.careloop.customer.CustomerView;
import com.careloop.customer.CustomerService;
import com.careloop.followup.FollowUpService;
import com.careloop.notification.Channel;
import com.careloop.notification.Delivery;
import com.careloop.notification.DeliveryLog;
import com.careloop.sla.ServiceParameters;
import com.careloop.notification.NotificationWorker;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import com.careloop.testsupport.RoutingTable;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of bpmn/feedbackHandling.bpmn, including SLA reminders, escalation and failed notifications. */
class FeedbackHandlingProcessTest extends CareLoopTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ServiceParameters parameters;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired CustomerService customerService;
    @Autowired FollowUpService followUpService;
    @Autowired FeedbackService feedbackService;
    @Autowired FeedbackItemRepository items;
    @Autowired FeedbackProgressRepository progress;
    @Autowired DeliveryLog deliveries;
    @Autowired NotificationWorker notifications;
    @Autowired ExternalTaskService externalTasks;

    Fixtures fx;
    CustomerView customer;

    @BeforeEach
    void setUp() {
        init(engine);
        fx = new Fixtures(engine, customerService, followUpService);
        customer = fx.customer();
    }

    FeedbackItem inbound(FeedbackType type, Urgency urgency) {
        FeedbackItem item = feedbackService.registerInboundItem(new InboundFeedbackRequest(customer.id(), type, urgency, "客户来电反馈"), "center1");
        fx.verifyValid(item.getProcessInstanceId());
        return item;
    }

    ProcessInstance pi(FeedbackItem item) {
        return runtime.createProcessInstanceQuery().processInstanceId(item.getProcessInstanceId()).singleResult();
    }

    FeedbackItem reload(FeedbackItem item) {
        return items.findById(item.getId()).orElseThrow();
    }

    Task task(FeedbackItem item, String key) {
        return fx.task(item.getProcessInstanceId(), key);
    }

    void respond(FeedbackItem item, boolean firstContact) {
        fx.complete(task(item, "Task_RespondToCustomer"), "contactMade", true, "responsePlan", "致歉并安排上门", "resolvedOnFirstContact", firstContact);
    }

    void resolve(FeedbackItem item) {
        fx.complete(task(item, "Task_ResolveFeedback"), "handlingOutcome", "RESOLVED", "solution", "已更换零件", "compensation", "COUPON");
    }

    void confirm(FeedbackItem item, boolean satisfied) {
        fx.complete(task(item, "Task_ConfirmResolution"), "callOutcome", "REACHED", "customerSatisfied", satisfied, "satisfaction", satisfied ? 5 : 2);
    }

    static List<MimeMessage> mailsAbout(FeedbackItem item) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> subject(m).contains(item.getNumber())).toList();
    }

    static String[] recipients(MimeMessage m) {
        try {
            return Arrays.stream(m.getAllRecipients()).map(Object::toString).toArray(String[]::new);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void complaintIsRoutedRespondedResolvedAndClosedAfterASatisfiedRevisit() {
        FeedbackItem item = inbound(FeedbackType.COMPLAINT, Urgency.NORMAL);
        ProcessInstance pi = pi(item);
        assertThat(pi).isWaitingAt("Task_RespondToCustomer").hasBusinessKey(item.getNumber());
        FeedbackItem routed = reload(item);
        assertThat(routed.getDepartment()).isEqualTo(RoutingTable.group(FeedbackType.COMPLAINT, Urgency.NORMAL));
        assertThat(routed.getStatus()).isEqualTo(FeedbackStatus.AWAITING_RESPONSE);
        Task respond = task(item, "Task_RespondToCustomer");
        assertThat(respond).hasCandidateGroup(RoutingTable.group(FeedbackType.COMPLAINT, Urgency.NORMAL));
        // one computed instant for the task's due date, the item's deadline and the SLA timer
        assertThat(respond.getDueDate()).isEqualTo(Date.from(routed.getResponseDueAt()));
        assertThat(fx.job(pi.getId(), "Timer_ResponseSlaBreached").getDuedate()).isEqualTo(respond.getDueDate());
        assertThat(routed.getResolutionDueAt()).isAfter(routed.getResponseDueAt());

        tasks.createComment(respond.getId(), pi.getId(), "已电话联系客户，安排周五上门");
        respond(item, false);
        assertThat(pi).isWaitingAt("Task_ResolveFeedback");
        assertThat(task(item, "Task_ResolveFeedback").getDueDate()).isEqualTo(Date.from(routed.getResolutionDueAt()));
        resolve(item);
        assertThat(pi).isWaitingAt("Task_ConfirmResolution");
        Task confirmTask = task(item, "Task_ConfirmResolution");
        assertThat(confirmTask).hasCandidateGroup("cs-center");
        assertThat(confirmTask.getDueDate()).isAfter(new Date());
        confirm(item, true);

        assertThat(pi).isEnded().hasPassed("Task_RecordResponse", "Task_RecordResolution", "Task_RecordConfirmation", "Task_CloseFeedback");
        FeedbackItem closed = reload(item);
        assertThat(closed.getStatus()).isEqualTo(FeedbackStatus.CLOSED);
        assertThat(closed.getResult()).isEqualTo(FeedbackResult.RESOLVED_SATISFIED);
        assertThat(closed.getCompensation()).isEqualTo(Compensation.COUPON);
        assertThat(closed.getRespondedAt()).isNotNull();
        List<FeedbackProgress> log = progress.findByFeedbackItemIdOrderByRecordedAtAscIdAsc(item.getId());
        assertThat(log).extracting(FeedbackProgress::getKind).contains(ProgressKind.CREATED, ProgressKind.ROUTED,
                ProgressKind.RESPONDED, ProgressKind.COMMENT, ProgressKind.RESOLVED, ProgressKind.REVISIT, ProgressKind.CLOSED);
        assertThat(log).extracting(FeedbackProgress::getNote).contains("已电话联系客户，安排周五上门");
    }

    @Test
    void resolvedOnFirstContactGoesStraightToTheRevisit() {
        FeedbackItem item = inbound(FeedbackType.PROBLEM, Urgency.NORMAL);
        assertThat(task(item, "Task_RespondToCustomer")).hasCandidateGroup(RoutingTable.group(FeedbackType.PROBLEM, Urgency.NORMAL));
        respond(item, true);
        assertThat(pi(item)).isWaitingAt("Task_ConfirmResolution");
        assertThat(reload(item).getHandlingOutcome()).isEqualTo(HandlingOutcome.RESOLVED);
    }

    @Test
    void dissatisfiedCustomerReopensTheItemOnce() {
        FeedbackItem item = inbound(FeedbackType.COMPLAINT, Urgency.NORMAL);
        ProcessInstance pi = pi(item);
        respond(item, false);
        resolve(item);
        confirm(item, false);
        assertThat(pi).isWaitingAt("Task_ResolveFeedback").hasPassed("Task_ReopenFeedback");
        assertThat(reload(item).getReopenCount()).isEqualTo(1);
        assertThat(reload(item).getStatus()).isEqualTo(FeedbackStatus.REOPENED);
        resolve(item);
        confirm(item, true);
        assertThat(pi).isEnded();
        assertThat(reload(item).getResult()).isEqualTo(FeedbackResult.RESOLVED_SATISFIED);
    }

    @Test
    void secondFailureGoesToTheManager() {
        FeedbackItem item = inbound(FeedbackType.COMPLAINT, Urgency.LOW);
        ProcessInstance pi = pi(item);
        respond(item, false);
        resolve(item);
        confirm(item, false);
        resolve(item);
        confirm(item, false);
        assertThat(pi).isWaitingAt("Task_ManagerReview");
        assertThat(reload(item).getStatus()).isEqualTo(FeedbackStatus.MANAGER_REVIEW);
        Task review = task(item, "Task_ManagerReview");
        assertThat(review).hasCandidateGroup("cs-managers");
        assertThatThrownBy(() -> fx.complete(review, "managerDecision", "CLOSE_WITH_COMPENSATION", "notes", "补偿"))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("compensation");
        fx.complete(review, "managerDecision", "CLOSE_WITH_COMPENSATION", "compensation", "REFUND", "notes", "全额退款后结案");
        assertThat(pi).isEnded().hasPassed("Task_RecordManagerReview");
        FeedbackItem closed = reload(item);
        assertThat(closed.getResult()).isEqualTo(FeedbackResult.CLOSED_BY_MANAGER);
        assertThat(closed.getCompensation()).isEqualTo(Compensation.REFUND);
        assertThat(closed.getManagerDecision()).isEqualTo(ManagerDecision.CLOSE_WITH_COMPENSATION);
    }

    @Test
    void unreachableRevisitIsRetriedThenClosedUnconfirmed() {
        FeedbackItem item = inbound(FeedbackType.PROBLEM, Urgency.LOW);
        ProcessInstance pi = pi(item);
        respond(item, true);
        int max = parameters.maxRevisitAttempts();
        for (int i = 1; i <= max; i++) {
            fx.complete(task(item, "Task_ConfirmResolution"), "callOutcome", "NO_ANSWER");
            if (i < max) {
                assertThat(pi).isWaitingAt("Timer_RevisitRetryDue");
                fx.executeJobs(pi.getId(), "Timer_RevisitRetryDue");
            }
        }
        assertThat(pi).isEnded();
        assertThat(reload(item).getResult()).isEqualTo(FeedbackResult.RESOLVED_UNCONFIRMED);
        assertThat(reload(item).getRevisitAttempts()).isEqualTo(max);
    }

    @Test
    void suggestionNeedsNoRevisitAndClosesWithTheOutcome() {
        FeedbackItem item = inbound(FeedbackType.SUGGESTION, Urgency.NORMAL);
        ProcessInstance pi = pi(item);
        assertThat(task(item, "Task_RespondToCustomer")).hasCandidateGroup(RoutingTable.group(FeedbackType.SUGGESTION, Urgency.NORMAL));
        respond(item, false);
        assertThatThrownBy(() -> fx.complete(task(item, "Task_ResolveFeedback"), "handlingOutcome", "CONVERTED", "solution", "x"))
                .hasMessageContaining("handlingOutcome");
        fx.complete(task(item, "Task_ResolveFeedback"), "handlingOutcome", "REJECTED", "solution", "暂不纳入产品规划，已回复客户");
        assertThat(pi).isEnded().hasNotPassed("Task_ConfirmResolution");
        assertThat(reload(item).getResult()).isEqualTo(FeedbackResult.REJECTED);
    }

    @Test
    void urgentItemsNotifyTheOwnersByMailAndTheHeadBySms() throws Exception {
        FeedbackItem item = inbound(FeedbackType.COMPLAINT, Urgency.URGENT);
        ProcessInstance pi = pi(item);
        ExternalTask notify = notificationTask(pi, "Task_NotifyUrgentAssignment");
        assertThat(notify).as("notifications are external tasks, sent outside any transaction").isNotNull();
        assertThat(notify.getTopicName()).isEqualTo(NotificationWorker.TOPIC);
        assertThat(notifications.runOnce(item.getNumber())).isEqualTo(1);
        assertThat(pi).hasPassed("Task_NotifyUrgentAssignment");
        List<MimeMessage> mails = mailsAbout(item);
        assertThat(mails).isNotEmpty().allSatisfy(m -> assertThat(m.getSubject()).contains("紧急"));
        assertThat(mails).anySatisfy(m -> assertThat(m.getAllRecipients()[0].toString()).isEqualTo("supervisor1@careloop.local"));
        assertThat(deliveries.byReference(item.getNumber())).extracting(Delivery::channel)
                .contains(Channel.EMAIL, Channel.SMS);
        // urgent: 2 h wall clock to respond
        FeedbackItem routed = reload(item);
        assertThat(java.time.Duration.between(routed.getCreatedAt(), routed.getResponseDueAt())).isEqualTo(java.time.Duration.ofHours(2));
    }

    @Test
    void slaReminderAtTheModelsFractionThenEscalationWhenBreached() {
        FeedbackItem item = inbound(FeedbackType.PROBLEM, Urgency.NORMAL);
        ProcessInstance pi = pi(item);
        FeedbackItem routed = reload(item);
        Job reminder = fx.job(pi.getId(), "Timer_ResponseSlaReminder");
        long total = routed.getResponseDueAt().toEpochMilli() - routed.getCreatedAt().toEpochMilli();
        assertThat(reminder.getDuedate().getTime() - routed.getCreatedAt().toEpochMilli()).isCloseTo(Math.round(total * parameters.reminderAt()), org.assertj.core.data.Offset.offset(1000L));

        management.executeJob(reminder.getId());
        assertThat(notifications.runOnce(item.getNumber())).isEqualTo(1);
        assertThat(mailsAbout(item)).anySatisfy(m -> assertThat(m.getSubject()).contains("即将到期"));
        assertThat(pi).isWaitingAt("Task_RespondToCustomer");

        fx.executeJobs(pi.getId(), "Timer_ResponseSlaBreached");
        FeedbackItem overdue = reload(item);
        assertThat(overdue.isOverdue()).isTrue();
        Task late = task(item, "Task_RespondToCustomer");
        assertThat(tasks.getIdentityLinksForTask(late.getId())).extracting(IdentityLink::getGroupId)
                .contains(RoutingTable.group(FeedbackType.PROBLEM, Urgency.NORMAL), "cs-supervisors");
        assertThat(notifications.runOnce(item.getNumber())).isEqualTo(1);
        assertThat(mailsAbout(item).stream().filter(m -> subject(m).contains("已超时")).flatMap(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).map(Object::toString);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        })).contains("supervisor1@careloop.local", "tech-head@careloop.local");
        assertThat(progress.findByFeedbackItemIdOrderByRecordedAtAscIdAsc(item.getId())).extracting(FeedbackProgress::getKind)
                .contains(ProgressKind.REMINDER, ProgressKind.ESCALATED);

        // the resolution stage has the same pair of timers
        respond(item, false);
        fx.executeJobs(pi.getId(), "Timer_ResolutionSlaReminder");
        assertThat(notifications.runOnce(item.getNumber())).isEqualTo(1);
        fx.executeJobs(pi.getId(), "Timer_ResolutionSlaBreached");
        assertThat(notifications.runOnce(item.getNumber())).isEqualTo(1);
        assertThat(pi).hasPassed("Task_EscalateResolution", "Task_SendResolutionReminder", "Task_NotifyResolutionEscalation")
                .isWaitingAt("Task_ResolveFeedback");
    }

    @Test
    void aFailedSendBecomesAnIncidentAndSucceedsOnRetryWithoutDuplicates() {
        FeedbackItem item = inbound(FeedbackType.CONSULTATION, Urgency.URGENT);
        ProcessInstance pi = pi(item);
        String id = notificationTask(pi, "Task_NotifyUrgentAssignment").getId();
        MAIL.stop();
        try {
            // the retry cycle R5/PT5M (the task's retryCycle property): five attempts, five minutes apart, then an incident
            for (int attempt = 1; attempt <= 5; attempt++) {
                long before = System.currentTimeMillis();
                assertThat(notifications.runOnce(item.getNumber())).as("attempt " + attempt + " fails").isZero();
                ExternalTask failed = externalTasks.createExternalTaskQuery().externalTaskId(id).singleResult();
                assertThat(failed.getRetries()).isEqualTo(5 - attempt);
                assertThat(failed.getErrorMessage()).isNotBlank();
                if (attempt < 5) {
                    assertThat(failed.getLockExpirationTime().getTime() - before).as("next attempt in 5 minutes")
                            .isBetween(299_000L, 310_000L);
                    assertThat(notifications.runOnce(item.getNumber())).as("not before its retry time").isZero();
                    assertThat(externalTasks.createExternalTaskQuery().externalTaskId(id).singleResult().getRetries()).isEqualTo(5 - attempt);
                    externalTasks.unlock(id); // the five minutes are up
                }
            }
            Incident incident = runtime.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
            assertThat(incident).as("no retries left: an incident, visible in Cockpit").isNotNull();
            assertThat(incident.getActivityId()).isEqualTo("Task_NotifyUrgentAssignment");
            assertThat(incident.getIncidentType()).isEqualTo(Incident.EXTERNAL_TASK_HANDLER_TYPE);
            externalTasks.unlock(id);
            assertThat(notifications.runOnce(item.getNumber())).as("no retries left: not fetched again").isZero();
        } finally {
            MAIL.start();
        }
        externalTasks.setRetries(id, 1); // what an operator does in Cockpit
        externalTasks.unlock(id);
        assertThat(notifications.runOnce(item.getNumber())).isEqualTo(1);
        assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(pi).hasPassed("Task_NotifyUrgentAssignment");
        List<Delivery> sent = deliveries.byReference(item.getNumber());
        assertThat(sent).isNotEmpty();
        // what the owners saw: each mailed exactly once, and every mail in the delivery log was really sent
        List<String> mailedTo = mailsAbout(item).stream().flatMap(m -> Arrays.stream(recipients(m))).toList();
        assertThat(mailedTo).isNotEmpty().doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                sent.stream().filter(d -> d.channel() == Channel.EMAIL).map(Delivery::recipient).toList());
    }

    ExternalTask notificationTask(ProcessInstance pi, String activityId) {
        return externalTasks.createExternalTaskQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    }

    @Test
    void instancesOfEarlierVersionsStillSendThroughTheirAsynchronousJob() {
        FeedbackItem item = inbound(FeedbackType.COMPLAINT, Urgency.URGENT);
        // a notification task as versions before the external tasks had it: asynchronous, ${sendNotification}
        org.camunda.bpm.model.bpmn.BpmnModelInstance earlier = org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("earlierNotificationTask")
                .camundaHistoryTimeToLive(1).startEvent()
                .serviceTask("Task_NotifyUrgentAssignment").camundaAsyncBefore().camundaDelegateExpression("${sendNotification}")
                .camundaInputParameter("notificationType", "URGENT_ASSIGNED").endEvent().done();
        String deployment = engine.getRepositoryService().createDeployment().addModelInstance("earlierNotificationTask.bpmn", earlier)
                .deploy().getId();
        try {
            ProcessInstance old = runtime.startProcessInstanceByKey("earlierNotificationTask", item.getNumber());
            fx.executeJobs(old.getId(), "Task_NotifyUrgentAssignment");
            assertThat(old).isEnded();
            assertThat(deliveries.byReference(item.getNumber()))
                    .filteredOn(d -> d.idempotencyKey().startsWith(old.getId() + ":")).extracting(Delivery::channel)
                    .contains(Channel.EMAIL);
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }
}
