package com.careloop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerView;
import com.careloop.feedback.FeedbackRef;
import com.careloop.feedback.FeedbackService;
import com.careloop.feedback.FeedbackStatus;
import com.careloop.feedback.FeedbackType;
import com.careloop.feedback.InboundFeedbackRequest;
import com.careloop.feedback.Urgency;
import com.careloop.followup.FollowUpService;
import com.careloop.notification.DeliveryLog;
import com.careloop.notification.NotificationWorker;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import com.careloop.testsupport.HistoryScan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The closure re-visit of bpmn/feedbackHandling.bpmn by text (bpmn/surveyChannel.dmn: re-visits of consultations →
 * SMS_THEN_PHONE, 24 working hours), driven as the customer drives it (the link from the text in the outbox, the page on
 * loopback): answered "resolved" before the timer → closed as the phone re-visit closes it; "not resolved" → reopened
 * as the phone re-visit reopens it; the timer → the phone re-visit, whose reaching the customer closes the link;
 * answered while the call task is open; the text cannot be sent → an incident; texts refused, a landline or a
 * complaint → the phone.
 *
 * <p>The shipped feedbackRouting.dmn asks no re-visit of consultations: as a designer's row that does, each item gets
 * {@code revisitRequired = true} while its response task is open (before the routing's value is read).
 */
class RevisitByTextTest extends CareLoopTest {

    @Autowired ProcessEngine engine;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired FeedbackService feedback;
    @Autowired NotificationWorker notifications;
    @Autowired DeliveryLog deliveries;
    @Autowired TextOptOuts optOuts;
    @Autowired ExternalTaskService externalTasks;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    Fixtures fx;
    SurveyClient phone;

    @BeforeEach
    void setUp() {
        init(engine);
        fx = new Fixtures(engine, customers, followUps);
        phone = new SurveyClient(port);
    }

    /** An inbound item of this customer, verified, answered on first contact: its re-visit is next. */
    FeedbackRef resolved(CustomerView customer, FeedbackType type) {
        FeedbackRef item = feedback.registerInbound(new InboundFeedbackRequest(customer.id(), type, Urgency.NORMAL, "客户咨询保修期"), "center1");
        fx.verifyValid(item.processInstanceId());
        engine.getRuntimeService().setVariable(item.processInstanceId(), "revisitRequired", true);
        fx.complete(fx.task(item.processInstanceId(), "Task_RespondToCustomer"), "contactMade", true, "responsePlan", "已电话答复保修政策",
                "resolvedOnFirstContact", true);
        return item;
    }

    ProcessInstance pi(FeedbackRef item) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(item.processInstanceId()).singleResult();
    }

    record Texted(CustomerView customer, FeedbackRef item, ProcessInstance instance, String token) {}

    /** A mobile customer's consultation whose re-visit text went out: the token of its link, read from the outbox. */
    Texted texted() {
        CustomerView c = fx.mobileCustomer();
        FeedbackRef item = resolved(c, FeedbackType.CONSULTATION);
        ProcessInstance pi = pi(item);
        assertThat(pi).isWaitingAt("Task_SendRevisitText").hasPassed("Task_DecideRevisitChannel", "Gateway_RevisitTextingHours",
                "Gateway_MergeRevisitTextingHours");
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), "surveyChannel")).isEqualTo("SMS_THEN_PHONE");
        assertThat(notifications.runOnce(item.number())).isEqualTo(1);
        assertThat(pi).isWaitingAt("Gateway_AwaitRevisitSurvey");
        var texts = deliveries.texts(c.phone(), 5);
        assertThat(texts).hasSize(1);
        assertThat(texts.get(0).type()).isEqualTo("SURVEY_TEXT");
        assertThat(texts.get(0).body()).contains("CareLoop").contains("咨询处理回访").contains("/s/").contains("TD");
        return new Texted(c, item, pi, SurveyClient.tokenIn(texts.get(0).body()));
    }

    FeedbackRef reload(FeedbackRef item) {
        return feedback.ref(item.id());
    }

    List<String> revisitLog(FeedbackRef item) {
        return jdbc.queryForList("select note from feedback_progress where feedback_item_id = ? and kind = 'REVISIT' order by id",
                String.class, item.id());
    }

    String result(FeedbackRef item) {
        return jdbc.queryForObject("select result from feedback_item where id = ?", String.class, item.id());
    }

    @Test
    void resolvedYesBeforeTheTimerClosesTheItemAsTheSatisfiedPhoneRevisitDoes() {
        Texted t = texted();
        SurveyClient.Page page = phone.get(t.token());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("咨询反馈处理结果").contains("您的问题是否已解决？（必填）")
                .doesNotContain(t.customer().phone()).doesNotContain(t.customer().name());

        SurveyClient.Page missing = phone.answer(t.token(), SurveyByTextTest.answer("5", "9"));
        assertThat(missing.status()).as("a re-visit must say whether it is resolved").isEqualTo(400);
        assertThat(missing.body()).contains("请选择问题是否已解决");
        assertThat(pi(t.item())).isNotNull();

        SurveyClient.Page thanks = phone.answer(t.token(), SurveyByTextTest.answer("5", "9", "resolved", "yes", "comment", "解答很清楚"));
        assertThat(thanks.status()).isEqualTo(200);
        assertThat(t.instance()).isEnded().hasPassed("Event_RevisitSurveyAnswered", "Gateway_MergeRevisitResult", "Gateway_RevisitOutcome",
                "Task_CloseFeedback").hasNotPassed("Task_ConfirmResolution", "Task_ReopenFeedback");
        assertThat(reload(t.item()).status()).isEqualTo(FeedbackStatus.CLOSED);
        assertThat(result(t.item())).isEqualTo("RESOLVED_SATISFIED");
        assertThat(revisitLog(t.item())).singleElement().asString()
                .contains("客户满意 Customer satisfied").contains("5/5").contains("NPS 9/10").contains("短信 SMS").contains("解答很清楚");
        assertThat(HistoryScan.columnsContaining(jdbc, t.token())).isEmpty();
        assertThat(phone.get(t.token()).status()).as("one answer per link").isEqualTo(410);
    }

    @Test
    void resolvedNoReopensTheItemAsTheDissatisfiedPhoneRevisitDoes() {
        Texted t = texted();
        assertThat(phone.answer(t.token(), SurveyByTextTest.answer("2", "4", "resolved", "no")).status()).isEqualTo(200);
        assertThat(t.instance()).isWaitingAt("Task_ResolveFeedback").hasPassed("Event_RevisitSurveyAnswered", "Task_ReopenFeedback")
                .hasNotPassed("Task_ConfirmResolution");
        FeedbackRef reopened = reload(t.item());
        assertThat(reopened.status()).isEqualTo(FeedbackStatus.REOPENED);
        assertThat(jdbc.queryForObject("select reopen_count from feedback_item where id = ?", Integer.class, t.item().id())).isEqualTo(1);
        assertThat(revisitLog(t.item())).singleElement().asString().contains("客户不满意 Customer not satisfied").contains("短信 SMS");
        assertThat(phone.get(t.token()).status()).isEqualTo(410);
    }

    @Test
    void unansweredThePhoneRevisitFollowsInWorkingTimeAndReachingTheCustomerClosesTheLink() {
        Texted t = texted();
        var timer = engine.getManagementService().createJobQuery().processInstanceId(t.instance().getId())
                .activityId("Timer_RevisitSurveyWaitOver").singleResult();
        assertThat(timer.getDuedate().toInstant()).as("24 working hours are more than a calendar day")
                .isAfter(Instant.now().plus(Duration.ofHours(23)));
        fx.executeJobs(t.instance().getId(), "Timer_RevisitSurveyWaitOver");
        assertThat(t.instance()).isWaitingAt("Task_ConfirmResolution").hasPassed("Gateway_MergeRevisit");
        assertThat(phone.get(t.token()).status()).as("the link stays open until the customer is reached").isEqualTo(200);

        fx.complete(fx.task(t.instance().getId(), "Task_ConfirmResolution"), "callOutcome", "REACHED", "customerSatisfied", true, "satisfaction", 4);
        assertThat(t.instance()).isEnded().hasPassed("Task_RecordConfirmation", "Gateway_MergeRevisitResult");
        assertThat(phone.get(t.token()).status()).as("reached by phone: the link is closed").isEqualTo(410);
        assertThat(result(t.item())).isEqualTo("RESOLVED_SATISFIED");
    }

    @Test
    void answeredWhileTheRevisitCallIsOpenTheCallIsNotNeeded() {
        Texted t = texted();
        fx.executeJobs(t.instance().getId(), "Timer_RevisitSurveyWaitOver");
        // not reached on the first try: the link is still open while the call waits for its retry
        fx.complete(fx.task(t.instance().getId(), "Task_ConfirmResolution"), "callOutcome", "NO_ANSWER");
        fx.executeJobs(t.instance().getId(), "Timer_RevisitRetryDue");
        assertThat(t.instance()).isWaitingAt("Task_ConfirmResolution");
        assertThat(phone.answer(t.token(), SurveyByTextTest.answer("4", "8", "resolved", "yes")).status()).isEqualTo(200);
        assertThat(t.instance()).isEnded().hasPassed("BoundaryEvent_RevisitAnsweredDuringCall", "Gateway_MergeRevisitResult");
        assertThat(result(t.item())).isEqualTo("RESOLVED_SATISFIED");
    }

    @Test
    void aTextThatCannotBeSentBecomesAnIncident() {
        CustomerView c = fx.mobileCustomer();
        FeedbackRef item = resolved(c, FeedbackType.CONSULTATION);
        assertThat(pi(item)).isWaitingAt("Task_SendRevisitText");
        // the customer's number is gone after the decision (no API clears a number: an upsert keeps the stored one), so
        // the text cannot be composed
        jdbc.update("update customer set phone = null where id = ?", c.id());
        ExternalTask task = externalTasks.createExternalTaskQuery().processInstanceId(item.processInstanceId())
                .activityId("Task_SendRevisitText").singleResult();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(notifications.runOnce(item.number())).as("attempt " + attempt).isZero();
            externalTasks.unlock(task.getId());
        }
        Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(item.processInstanceId()).singleResult();
        assertThat(incident).as("retries R5/PT5M used up: an incident, visible in Cockpit").isNotNull();
        assertThat(incident.getActivityId()).isEqualTo("Task_SendRevisitText");
        assertThat(incident.getIncidentMessage()).contains("no phone number");
        assertThat(jdbc.queryForObject("select revisit_survey_since from feedback_item where id = ?", java.sql.Timestamp.class, item.id()))
                .as("nothing sent: no link awaits an answer").isNull();
    }

    @Test
    void textsRefusedALandlineOrAComplaintMeanThePhone() {
        CustomerView refused = fx.mobileCustomer();
        optOuts.refuse(refused.id(), Instant.now(), "SMS_REPLY:TD");
        FeedbackRef a = resolved(refused, FeedbackType.CONSULTATION);
        assertThat(pi(a)).isWaitingAt("Task_ConfirmResolution").hasPassed("Task_DecideRevisitChannel", "Gateway_RevisitChannel")
                .hasNotPassed("Task_SendRevisitText");
        assertThat(deliveries.texts(refused.phone(), 5)).isEmpty();

        FeedbackRef b = resolved(fx.customer(), FeedbackType.CONSULTATION);
        assertThat(pi(b)).isWaitingAt("Task_ConfirmResolution").hasNotPassed("Task_SendRevisitText");

        CustomerView mobile = fx.mobileCustomer();
        FeedbackRef complaint = resolved(mobile, FeedbackType.COMPLAINT);
        assertThat(pi(complaint)).isWaitingAt("Task_ConfirmResolution").hasNotPassed("Task_SendRevisitText");
        assertThat(engine.getRuntimeService().getVariable(complaint.processInstanceId(), "surveyChannel")).isEqualTo("PHONE");
        assertThat(deliveries.texts(mobile.phone(), 5)).isEmpty();
    }

    @Test
    void aRevisitTextDueOutsideTextingHoursWaitsForTheNextOpening() {
        FeedbackRef item = resolved(fx.mobileCustomer(), FeedbackType.CONSULTATION);
        ProcessInstance pi = pi(item);
        // the tests text at any hour (careloop.sms.texting-hours 00:00-24:00): as at night, the text waits for the opening
        engine.getRuntimeService().createProcessInstanceModification(pi.getId()).cancelAllForActivity("Task_SendRevisitText")
                .startBeforeActivity("Timer_RevisitTextingHoursOpen").execute();
        assertThat(pi).isWaitingAt("Timer_RevisitTextingHoursOpen");
        assertThat(notifications.runOnce(item.number())).as("nothing to send before the opening").isZero();
        fx.executeJobs(pi.getId(), "Timer_RevisitTextingHoursOpen");
        assertThat(pi).isWaitingAt("Task_SendRevisitText");
        assertThat(notifications.runOnce(item.number())).isEqualTo(1);
    }
}
