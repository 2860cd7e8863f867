package com.careloop.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Issue 8: GET /api/screening/runs?limit= — the latest runs with their counts, newest first, for supervisors and managers. */
class ScreeningRunsApiTest extends CareLoopTest {

    @Autowired TestRestTemplate rest;
    @Autowired ScreeningService screening;

    @Test
    void listsTheLatestRunsNewestFirstWithTheirCounts() {
        Long older = ((Number) Api.as(rest, "manager1").post("/api/screening/runs", Map.of()).getBody().get("id")).longValue();
        Long newer = ((Number) Api.as(rest, "supervisor1").post("/api/screening/runs", Map.of()).getBody().get("id")).longValue();
        ResponseEntity<List<Map<String, Object>>> r = Api.as(rest, "manager1").getList("/api/screening/runs?limit=2");
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> runs = r.getBody();
        assertThat(runs).hasSize(2);
        assertThat(runs).extracting(m -> ((Number) m.get("id")).longValue()).containsExactly(newer, older);
        assertThat(runs.get(0)).containsKeys("status", "candidates", "created", "skipped", "startedBy", "startedAt", "processInstanceId");
        assertThat(runs.get(0).get("startedBy")).isEqualTo("supervisor1");
        assertThat(Api.as(rest, "supervisor1").getList("/api/screening/runs").getBody()).hasSizeLessThanOrEqualTo(ScreeningController.DEFAULT_LIMIT)
                .extracting(m -> ((Number) m.get("id")).longValue()).startsWith(newer, older);
        assertThat(Api.as(rest, "manager1").getList("/api/screening/runs?limit=100").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aLimitOutside1To100IsA400NamingIt() {
        for (String bad : List.of("0", "101", "-1", "abc", "")) {
            ResponseEntity<Map<String, Object>> r = Api.as(rest, "manager1").get("/api/screening/runs?limit=" + bad);
            assertThat(r.getStatusCode()).as("limit=" + bad).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.getHeaders().getContentType().toString()).contains("problem+json");
            assertThat(r.getBody().toString()).as("limit=" + bad).contains("limit");
        }
    }

    @Test
    void onlySupervisorsAndManagersSeeTheRuns() {
        for (String user : List.of("agent1", "tech1", "center1")) {
            assertThat(Api.as(rest, user).get("/api/screening/runs").getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(Api.anonymous(rest).get("/api/screening/runs").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        for (String user : List.of("supervisor1", "manager1", "demo")) {
            assertThat(Api.as(rest, user).getList("/api/screening/runs?limit=1").getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
        }
    }
}
