package com.careloop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerView;
import com.careloop.followup.AnswerChannel;
import com.careloop.followup.FollowUpResult;
import com.careloop.followup.FollowUpService;
import com.careloop.followup.FollowUpStatus;
import com.careloop.followup.FollowUpView;
import com.careloop.followup.Scenario;
import com.careloop.followup.SurveyMode;
import com.careloop.notification.DeliveryLog;
import com.careloop.notification.NotificationWorker;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import com.careloop.testsupport.HistoryScan;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every survey path of bpmn/followUp.bpmn, driven as the customer drives it (the link from the text in the outbox, the
 * page on loopback): answered before the timer, the timer → the call, reached by phone first (the link closes),
 * answered while the call is open, detractor → call-back, asked for a call, text only and unanswered, a landline or
 * texts refused → the phone.
 */
class SurveyByTextTest extends CareLoopTest {

    @Autowired ProcessEngine engine;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired NotificationWorker notifications;
    @Autowired DeliveryLog deliveries;
    @Autowired TextOptOuts optOuts;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate rest;
    @LocalServerPort int port;

    Fixtures fx;
    SurveyClient phone;

    @BeforeEach
    void setUp() {
        init(engine);
        fx = new Fixtures(engine, customers, followUps);
        phone = new SurveyClient(port);
    }

    record Texted(CustomerView customer, FollowUpView followUp, ProcessInstance instance, String token) {}

    /** A mobile customer's usage follow-up whose survey text went out: the token of its link, read from the outbox. */
    Texted texted() {
        CustomerView c = fx.mobileCustomer();
        FollowUpView f = fx.followUp(c, Scenario.USAGE);
        ProcessInstance pi = instance(f);
        assertThat(pi).isWaitingAt("Task_SendSurveyText").hasPassed("Task_DecideSurveyChannel");
        assertThat(followUps.get(f.number()).status()).as("not awaiting before the text is sent").isEqualTo(FollowUpStatus.OPEN);
        assertThat(notifications.runOnce(f.number())).isEqualTo(1);
        assertThat(pi).isWaitingAt("Gateway_AwaitSurvey");
        var texts = deliveries.texts(c.phone(), 5);
        assertThat(texts).hasSize(1);
        assertThat(texts.get(0).type()).isEqualTo("SURVEY_TEXT");
        assertThat(texts.get(0).body()).contains("CareLoop").contains("使用回访").contains("/s/").contains("TD");
        return new Texted(c, f, pi, SurveyClient.tokenIn(texts.get(0).body()));
    }

    ProcessInstance instance(FollowUpView f) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(f.processInstanceId()).singleResult();
    }

    static Map<String, String> answer(String satisfaction, String nps, String... more) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("satisfaction", satisfaction);
        m.put("nps", nps);
        for (int i = 0; i < more.length; i += 2) {
            m.put(more[i], more[i + 1]);
        }
        return m;
    }

    @Test
    void answeredBeforeTheTimerClosesTheFollowUpWithTheAnswerBySms() {
        Texted t = texted();
        Map<String, Object> open = Api.as(rest, "manager1").get("/api/follow-ups/" + t.followUp().number()).getBody();
        assertThat(open).containsEntry("status", "AWAITING_SURVEY").containsEntry("channel", "SMS_THEN_PHONE");

        SurveyClient.Page page = phone.get(t.token());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("CareLoop").contains("使用回访").contains("lang=\"zh-CN\"").contains("for=\"satisfaction-5\"")
                .doesNotContain(t.customer().phone()).doesNotContain(t.customer().name());
        assertThat(page.headers().get("content-security-policy")).contains("default-src 'none'").contains("style-src 'sha256-");
        assertThat(page.headers().get("cache-control")).contains("no-store");

        SurveyClient.Page thanks = phone.answer(t.token(), answer("5", "10", "attitude", "5", "comment", "安装师傅很专业"));
        assertThat(thanks.status()).isEqualTo(200);
        assertThat(thanks.body()).contains("感谢您的反馈");

        assertThat(t.instance()).isEnded().hasPassed("Event_SurveyAnswered", "Gateway_CallBackNeeded", "Task_CloseFollowUp")
                .hasNotPassed("Task_CallCustomer", "Task_DetractorCallBack");
        FollowUpView closed = followUps.get(t.followUp().number());
        assertThat(closed.status()).isEqualTo(FollowUpStatus.CLOSED);
        assertThat(closed.result()).isEqualTo(FollowUpResult.COMPLETED);
        assertThat(closed.channel()).isEqualTo(SurveyMode.SMS_THEN_PHONE);
        assertThat(closed.survey().satisfaction()).isEqualTo(5);
        assertThat(closed.survey().nps()).isEqualTo(10);
        assertThat(closed.survey().channel()).isEqualTo(AnswerChannel.SMS);
        assertThat(closed.survey().answeredAt()).isNotNull();
        Map<String, Object> survey = (Map<String, Object>) Api.as(rest, "manager1").get("/api/follow-ups/" + t.followUp().number())
                .getBody().get("survey");
        assertThat(survey).containsEntry("satisfaction", 5).containsEntry("nps", 10).containsEntry("channel", "SMS").containsKey("answeredAt");

        // the token is nowhere but in the text: no history, no variable, no table but the delivery log keeps it
        assertThat(HistoryScan.columnsContaining(jdbc, t.token())).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from survey_link where token_hash like ?", Long.class, "%" + t.token() + "%")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from act_ru_variable where text_ like ?", Long.class, "%" + t.token() + "%")).isZero();

        assertThat(phone.get(t.token()).status()).as("one answer per link").isEqualTo(410);
        assertThat(phone.answer(t.token(), answer("1", "0")).status()).isEqualTo(410);
    }

    @Test
    void unansweredTheCallFollowsInWorkingTimeAndAReachedCallClosesTheLink() {
        Texted t = texted();
        var timer = engine.getManagementService().createJobQuery().processInstanceId(t.instance().getId())
                .activityId("Timer_SurveyWaitOver").singleResult();
        assertThat(timer.getDuedate().toInstant()).as("48 working hours are more than two calendar days")
                .isAfter(Instant.now().plus(Duration.ofHours(47)));
        fx.executeJobs(t.instance().getId(), "Timer_SurveyWaitOver");
        assertThat(t.instance()).isWaitingAt("Task_CallCustomer").hasPassed("Gateway_TextOnly");
        assertThat(followUps.get(t.followUp().number()).status()).as("the link stays open until the customer is reached")
                .isEqualTo(FollowUpStatus.AWAITING_SURVEY);
        assertThat(phone.get(t.token()).status()).isEqualTo(200);

        fx.complete(fx.task(t.instance().getId(), "Task_CallCustomer"), "callOutcome", "REACHED", "satisfaction", 4, "nps", 8);
        assertThat(t.instance()).isEnded();
        assertThat(phone.get(t.token()).status()).as("reached by phone: the link is closed").isEqualTo(410);
        FollowUpView closed = followUps.get(t.followUp().number());
        assertThat(closed.survey().channel()).isEqualTo(AnswerChannel.PHONE);
        assertThat(closed.result()).isEqualTo(FollowUpResult.COMPLETED);
    }

    @Test
    void answeredWhileTheCallIsOpenTheCallIsNotNeeded() {
        Texted t = texted();
        fx.executeJobs(t.instance().getId(), "Timer_SurveyWaitOver");
        assertThat(t.instance()).isWaitingAt("Task_CallCustomer");
        assertThat(phone.answer(t.token(), answer("4", "9")).status()).isEqualTo(200);
        assertThat(t.instance()).isEnded().hasPassed("BoundaryEvent_SurveyAnsweredDuringCall", "Gateway_MergeAnswered")
                .hasNotPassed("Task_RecordCallAttempt");
        assertThat(followUps.get(t.followUp().number()).result()).isEqualTo(FollowUpResult.COMPLETED);
    }

    @Test
    void aDetractorGetsACallBackTaskWithTheAnswerWithin24Hours() {
        Texted t = texted();
        Instant before = Instant.now();
        assertThat(phone.answer(t.token(), answer("2", "3", "timeliness", "1", "comment", "等了三天才上门")).status()).isEqualTo(200);
        assertThat(t.instance()).isWaitingAt("Task_DetractorCallBack");
        Task callBack = fx.task(t.instance().getId(), "Task_DetractorCallBack");
        assertThat(callBack).hasCandidateGroup("agents");
        assertThat(callBack.getName()).startsWith("差评回访 ");
        assertThat(callBack.getDueDate().toInstant()).isBetween(before.plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(24)));
        String shown = (String) engine.getTaskService().getVariableLocal(callBack.getId(), "surveyAnswer");
        assertThat(shown).contains("2/5").contains("NPS **3/10**").contains("及时性 Timeliness 1/5").contains("等了三天才上门").contains("短信 SMS");
        engine.getTaskService().claim(callBack.getId(), "agent1");
        fx.complete(callBack, "callBackOutcome", "REACHED");
        assertThat(t.instance()).isEnded();
        assertThat(HistoryScan.columnsContaining(jdbc, "等了三天才上门")).as("the comment stays out of history").isEmpty();
    }

    @Test
    void aPromoterWhoAsksForACallGetsOneToo() {
        Texted t = texted();
        assertThat(phone.answer(t.token(), answer("5", "10", "callback", "yes")).status()).isEqualTo(200);
        assertThat(t.instance()).isWaitingAt("Task_DetractorCallBack");
        assertThat((String) engine.getTaskService().getVariableLocal(fx.task(t.instance().getId(), "Task_DetractorCallBack").getId(),
                "surveyAnswer")).contains("希望回电");
    }

    @Test
    void aTextOnlySurveyLeftUnansweredClosesUnreachable() {
        Texted t = texted();
        // no shipped row texts only: a designer's SMS_ONLY row gives this instance its channel
        engine.getRuntimeService().setVariable(t.instance().getId(), "surveyChannel", "SMS_ONLY");
        fx.executeJobs(t.instance().getId(), "Timer_SurveyWaitOver");
        assertThat(t.instance()).isEnded().hasPassed("Gateway_MergeSurveyEnd").hasNotPassed("Task_CallCustomer");
        FollowUpView closed = followUps.get(t.followUp().number());
        assertThat(closed.result()).isEqualTo(FollowUpResult.UNREACHABLE);
        assertThat(phone.get(t.token()).status()).isEqualTo(410);
    }

    @Test
    void aLandlineOrTextsRefusedMeanThePhone() {
        FollowUpView landline = fx.followUp(fx.customer(), Scenario.USAGE);
        assertThat(instance(landline)).isWaitingAt("Task_CallCustomer").hasPassed("Task_DecideSurveyChannel", "Gateway_SurveyChannel");
        assertThat(followUps.get(landline.number()).channel()).isEqualTo(SurveyMode.PHONE);

        CustomerView refused = fx.mobileCustomer();
        assertThat(optOuts.refuse(refused.id(), Instant.now(), "SMS_REPLY:TD")).isTrue();
        assertThat(optOuts.refuse(refused.id(), Instant.now(), "SMS_REPLY:TD")).as("recorded once").isFalse();
        FollowUpView f = fx.followUp(refused, Scenario.USAGE);
        assertThat(instance(f)).isWaitingAt("Task_CallCustomer");
        assertThat(followUps.get(f.number()).channel()).isEqualTo(SurveyMode.PHONE);
        assertThat(deliveries.texts(refused.phone(), 5)).isEmpty();
    }

    @Test
    void aTextDueOutsideTextingHoursWaitsForTheNextOpening() {
        FollowUpView f = fx.followUp(fx.mobileCustomer(), Scenario.USAGE);
        ProcessInstance pi = instance(f);
        assertThat(pi).isWaitingAt("Task_SendSurveyText").hasPassed("Gateway_TextingHours", "Gateway_MergeTextingHours");
        // the tests text at any hour (careloop.sms.texting-hours 00:00-24:00): as at night, the text waits for the opening
        engine.getRuntimeService().createProcessInstanceModification(pi.getId()).cancelAllForActivity("Task_SendSurveyText")
                .startBeforeActivity("Timer_TextingHoursOpen").execute();
        assertThat(pi).isWaitingAt("Timer_TextingHoursOpen");
        assertThat(notifications.runOnce(f.number())).as("nothing to send before the opening").isZero();
        fx.executeJobs(pi.getId(), "Timer_TextingHoursOpen");
        assertThat(pi).isWaitingAt("Task_SendSurveyText");
        assertThat(notifications.runOnce(f.number())).isEqualTo(1);
    }

    @Test
    void oneSurveyTextPerCustomerInTheSuppressionWindow() {
        Texted t = texted();
        assertThat(phone.answer(t.token(), answer("5", "10")).status()).isEqualTo(200);
        assertThat(t.instance()).isEnded();
        FollowUpView again = fx.followUp(t.customer(), Scenario.PROMOTION);
        assertThat(instance(again)).as("texted within survey.textSuppression: by phone").isWaitingAt("Task_CallCustomer");
        assertThat(followUps.get(again.number()).channel()).isEqualTo(SurveyMode.PHONE);
    }
}
