package com.careloop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerView;
import com.careloop.feedback.FeedbackRef;
import com.careloop.feedback.FeedbackService;
import com.careloop.feedback.FeedbackType;
import com.careloop.followup.FollowUpService;
import com.careloop.followup.FollowUpView;
import com.careloop.followup.Scenario;
import com.careloop.notification.DeliveryLog;
import com.careloop.notification.NotificationWorker;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import com.careloop.testsupport.HistoryScan;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A survey answer's comment goes through the feedback classification (bpmn/commentClassification.dmn): a complaint in
 * it becomes a feedback item of the follow-up, on the channel SMS, handled by its own feedbackHandling; praise becomes
 * nothing.
 */
class SurveyCommentFeedbackTest extends CareLoopTest {

    @Autowired ProcessEngine engine;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired FeedbackService feedback;
    @Autowired NotificationWorker notifications;
    @Autowired DeliveryLog deliveries;
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

    /** A usage follow-up texted to a mobile customer, answered by its link with this comment. */
    FollowUpView answeredWith(String comment) {
        CustomerView c = fx.mobileCustomer();
        FollowUpView f = fx.followUp(c, Scenario.USAGE);
        assertThat(notifications.runOnce(f.number())).isEqualTo(1);
        String token = SurveyClient.tokenIn(deliveries.texts(c.phone(), 5).get(0).body());
        assertThat(phone.answer(token, SurveyByTextTest.answer("4", "8", "comment", comment)).status()).isEqualTo(200);
        return f;
    }

    @Test
    void aComplaintInTheCommentBecomesAComplaintItemOfTheFollowUp() {
        FollowUpView f = answeredWith("客服态度很差，我要投诉");
        List<FeedbackRef> items = feedback.ofFollowUp(f.id());
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.type()).isEqualTo(FeedbackType.COMPLAINT);
            assertThat(i.description()).isEqualTo("客服态度很差，我要投诉");
            assertThat(i.processInstanceId()).as("handled by its own feedbackHandling").isNotNull();
        });
        FeedbackRef item = items.get(0);
        assertThat(jdbc.queryForObject("select channel from feedback_item where id = ?", String.class, item.id())).isEqualTo("SMS");
        assertThat(jdbc.queryForObject("select follow_up_id from feedback_item where id = ?", Long.class, item.id())).isEqualTo(f.id());
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(item.processInstanceId()).singleResult())
                .isWaitingAt("Task_RespondToCustomer").hasBusinessKey(item.number());
        assertThat(HistoryScan.columnsContaining(jdbc, "我要投诉")).as("the customer's words stay out of history").isEmpty();
    }

    @Test
    void praiseBecomesNoItem() {
        FollowUpView f = answeredWith("很好");
        assertThat(feedback.ofFollowUp(f.id())).isEmpty();
    }
}
