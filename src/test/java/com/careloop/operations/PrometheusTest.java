package com.careloop.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** /actuator/prometheus: only for cs-managers, admins and group metrics; the job executor's and CareLoop's meters. */
class PrometheusTest extends CareLoopTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void anonymousIs401AndAnAgentIs403() {
        assertThat(Api.anonymous(rest).getRaw("/actuator/prometheus").getStatusCode().value()).isEqualTo(401);
        assertThat(Api.as(rest, "agent1").getRaw("/actuator/prometheus").getStatusCode().value()).isEqualTo(403);
        assertThat(Api.anonymous(rest).getRaw("/actuator/metrics").getStatusCode().value()).isEqualTo(401);
        assertThat(Api.anonymous(rest).getRaw("/actuator/health").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aManagerReadsTheNamedMeters() {
        Api.as(rest, "manager1").getRaw("/api/calendar/years");
        ResponseEntity<String> r = Api.as(rest, "manager1").getRaw("/actuator/prometheus");
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getBody()).contains(
                "careloop_jobs_acquired_total", "careloop_jobs_executed_total", "careloop_jobs_failed_total", "careloop_jobs_backlog",
                "careloop_incidents_open", "careloop_sla_breaches", "careloop_notifications_failed",
                "http_server_requests_seconds_bucket");
        assertThat(Api.as(rest, "demo").getRaw("/actuator/prometheus").getStatusCode().value()).isEqualTo(200);
    }
}
