package com.careloop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerView;
import com.careloop.followup.FollowUpService;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** POST /api/sms/inbound: signed by HMAC (401 without, nothing changed), TD / T / 退订 refuse texts, anything else ignored. */
class SmsInboundTest extends CareLoopTest {

    @Autowired ProcessEngine engine;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired TextOptOuts optOuts;
    @Autowired TestRestTemplate rest;

    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(engine, customers, followUps);
    }

    ResponseEntity<String> post(String body, String signature) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            h.set(SmsInboundController.SIGNATURE, signature);
        }
        return rest.postForEntity("/api/sms/inbound", new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), h), String.class);
    }

    static String sign(String body) {
        return "sha256=" + HexFormat.of().formatHex(SmsInboundController.hmac("test-inbound-secret", body.getBytes(StandardCharsets.UTF_8)));
    }

    static String reply(String from, String text) {
        return "{\"from\":\"" + from + "\",\"text\":\"" + text + "\",\"receivedAt\":\"2026-12-02T08:00:00Z\"}";
    }

    @Test
    void withoutAValidSignatureNothingChanges() {
        CustomerView c = fx.mobileCustomer();
        String body = reply(c.phone(), "TD");
        assertThat(post(body, null).getStatusCode().value()).isEqualTo(401);
        assertThat(post(body, "sha256=" + "0".repeat(64)).getStatusCode().value()).isEqualTo(401);
        assertThat(post(body, sign(reply(c.phone(), "T"))).getStatusCode().value()).as("the signature of another body").isEqualTo(401);
        ResponseEntity<String> refused = post(body, "md5=abc");
        assertThat(refused.getStatusCode().value()).isEqualTo(401);
        assertThat(refused.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(optOuts.refused(c.id())).isFalse();
    }

    @Test
    void tdTOr退订RefuseTextsRecordedWithTimeAndSource() {
        for (String keyword : new String[] {"TD", " t ", "退订"}) {
            CustomerView c = fx.mobileCustomer();
            String body = reply("+86" + c.phone(), keyword);
            ResponseEntity<String> r = post(body, sign(body));
            assertThat(r.getStatusCode().value()).as(keyword).isEqualTo(200);
            assertThat(r.getBody()).contains("OPTED_OUT");
            assertThat(optOuts.refused(c.id())).as(keyword).isTrue();
        }
    }

    @Test
    void otherRepliesAreIgnoredAndBadBodiesAre400() {
        CustomerView c = fx.mobileCustomer();
        String body = reply(c.phone(), "谢谢");
        assertThat(post(body, sign(body)).getBody()).contains("IGNORED");
        assertThat(optOuts.refused(c.id())).isFalse();
        String noFrom = "{\"text\":\"TD\"}";
        assertThat(post(noFrom, sign(noFrom)).getStatusCode().value()).isEqualTo(400);
        String notJson = "TD";
        assertThat(post(notJson, sign(notJson)).getStatusCode().value()).isEqualTo(400);
    }
}
