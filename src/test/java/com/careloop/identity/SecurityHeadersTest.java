package com.careloop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Webapp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** Security headers on the API and the webapps; the webapps' CSRF protection stays on. */
class SecurityHeadersTest extends CareLoopTest {

    @Autowired
    TestRestTemplate rest;
    @LocalServerPort
    int port;

    @Test
    void apiAndActuatorAnswersCarryTheHeaders() {
        for (ResponseEntity<String> r : java.util.List.of(Api.as(rest, "agent1").getRaw("/api/calendar/years"),
                Api.anonymous(rest).getRaw("/api/calendar/years"), Api.anonymous(rest).getRaw("/actuator/health"))) {
            HttpHeaders h = r.getHeaders();
            assertThat(h.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(h.getFirst("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(h.getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
            assertThat(h.getFirst("Content-Security-Policy")).contains("frame-ancestors 'self'").contains("default-src 'none'");
        }
    }

    @Test
    void theWebappsKeepCamundasNoncePolicyWithFramingBySelfOnly() throws Exception {
        Webapp tasklist = Webapp.login(port, "agent1");
        HttpResponse<String> page = tasklist.get("/camunda/app/tasklist/default/");
        assertThat(page.statusCode()).isEqualTo(200);
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("frame-ancestors 'self'").contains("'nonce-").doesNotContain("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void aWebappChangeWithoutTheCsrfTokenIsRefused() throws Exception {
        Webapp tasklist = Webapp.login(port, "agent1");
        HttpResponse<String> noToken = tasklist.http().send(HttpRequest.newBuilder(URI.create(tasklist.base()
                        + "/camunda/api/engine/engine/default/task/unknown/claim"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"agent1\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(403);
    }
}
