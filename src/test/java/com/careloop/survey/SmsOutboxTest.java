package com.careloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerView;
import com.careloop.followup.FollowUpService;
import com.careloop.followup.FollowUpView;
import com.careloop.followup.Scenario;
import com.careloop.notification.NotificationWorker;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** GET /api/sms/outbox?to=: the texts of the default run, newest first, for cs-managers only; its survey link opens the page. */
class SmsOutboxTest extends CareLoopTest {

    @Autowired ProcessEngine engine;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired NotificationWorker notifications;
    @Autowired TestRestTemplate rest;
    @org.springframework.boot.test.web.server.LocalServerPort int port;

    @Test
    void managersReadTheTextsNewestFirstAndCanOpenTheirLinks() {
        Fixtures fx = new Fixtures(engine, customers, followUps);
        CustomerView c = fx.mobileCustomer();
        FollowUpView f = fx.followUp(c, Scenario.USAGE);
        notifications.runOnce(f.number());

        ResponseEntity<List<Map<String, Object>>> r = Api.as(rest, "manager1").getList("/api/sms/outbox?to=+86" + c.phone());
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getBody()).singleElement().satisfies(t -> assertThat(t).containsEntry("to", c.phone())
                .containsEntry("template", "SURVEY_TEXT").containsEntry("status", "LOGGED").containsKeys("text", "sentAt"));
        String text = (String) r.getBody().get(0).get("text");
        assertThat(new SurveyClient(port).get(SurveyClient.tokenIn(text)).status()).isEqualTo(200);

        List<Map<String, Object>> all = Api.as(rest, "manager1").getList("/api/sms/outbox?limit=5").getBody();
        assertThat(all).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(all.stream().map(t -> java.time.Instant.parse((String) t.get("sentAt"))).toList())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());

        assertThat(Api.as(rest, "agent1").get("/api/sms/outbox").getStatusCode().value()).as("agents do not read texts")
                .isEqualTo(403);
        assertThat(Api.as(rest, "manager1").get("/api/sms/outbox?limit=0").getStatusCode().value()).isEqualTo(400);
    }
}
