package com.careloop.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.followup.FollowUpView;
import com.careloop.followup.FollowUpService;
import com.careloop.followup.Scenario;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** GET /api/kpis and /api/kpis/keywords: who may read, what a bad parameter gets, the shape of the answer. */
class KpiApiTest extends CareLoopTest {

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;

    static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    static String tomorrow() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
    }

    @SuppressWarnings("unchecked")
    static List<String> badFields(ResponseEntity<Map<String, Object>> r) {
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        return ((List<Map<String, Object>>) r.getBody().get("errors")).stream().map(e -> (String) e.get("field")).toList();
    }

    @Test
    void aRecordedCallShowsUpForTheManagerAndTheAgentHimself() {
        Fixtures fx = new Fixtures(engine, customers, followUps);
        FollowUpView f = fx.followUp(fx.customer(), Scenario.NEW_PURCHASE);
        fx.complete(fx.task(f.processInstanceId(), FollowUpService.CALL_TASK), "callOutcome", "REACHED", "satisfaction", 5, "nps", 10,
                "feedbackType", "NONE", "purchaseIntent", false, "notes", "客户对安装很满意");
        String period = "?from=" + today() + "&to=" + tomorrow();

        ResponseEntity<Map<String, Object>> all = Api.as(rest, "manager1").get("/api/kpis" + period + "&groupBy=agent");
        assertThat(all.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(all.getBody()).containsEntry("from", today()).containsEntry("to", tomorrow()).containsKeys("totals", "groups");
        @SuppressWarnings("unchecked") Map<String, Object> totals = (Map<String, Object>) all.getBody().get("totals");
        assertThat(totals).containsKeys("surveys", "csat", "csatMean", "nps", "reachRate", "resolutionRate", "fcr", "responseOnTime",
                "resolutionOnTime", "reopenRate", "leadConversion", "backlog", "overdue", "dimensions");
        assertThat(((Number) totals.get("surveys")).longValue()).isPositive();
        @SuppressWarnings("unchecked") List<Map<String, Object>> groups = (List<Map<String, Object>>) all.getBody().get("groups");
        assertThat(groups).anySatisfy(g -> {
            assertThat(g).containsKeys("key", "label", "csat", "nps", "backlog");
            assertThat(((Number) g.get("surveys")).longValue()).isPositive();
        });

        assertThat(Api.as(rest, "supervisor1").get("/api/kpis" + period + "&groupBy=team").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(Api.as(rest, "demo").get("/api/kpis" + period).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map<String, Object>> self = Api.as(rest, "agent1").get("/api/kpis" + period + "&agent=agent1&groupBy=day");
        assertThat(self.getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<Map<String, Object>> words = Api.as(rest, "manager1").get("/api/kpis/keywords" + period + "&limit=50");
        assertThat(words.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(words.getBody().get("keywords").toString()).contains("安装");
    }

    @Test
    void anAgentReadsOnlyHisOwnAndOtherTeamsNothing() {
        String period = "?from=" + today() + "&to=" + tomorrow();
        assertThat(Api.as(rest, "agent1").get("/api/kpis" + period).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> other = Api.as(rest, "agent1").get("/api/kpis" + period + "&agent=agent2");
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(other.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(Api.as(rest, "tech1").get("/api/kpis" + period + "&agent=tech1").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Api.as(rest, "agent1").get("/api/kpis/keywords" + period).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Api.anonymous(rest).get("/api/kpis" + period).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void badParametersAreNamed() {
        Api manager = Api.as(rest, "manager1");
        assertThat(badFields(manager.get("/api/kpis?from=2026-13-01&to=2026-12-01"))).containsExactly("from");
        assertThat(badFields(manager.get("/api/kpis?from=2026-11-01&to=yesterday"))).containsExactly("to");
        assertThat(badFields(manager.get("/api/kpis?to=2026-12-01"))).containsExactly("from");
        assertThat(badFields(manager.get("/api/kpis?from=2026-11-01&to=2026-12-01&groupBy=year"))).containsExactly("groupBy");
        assertThat(badFields(manager.get("/api/kpis?from=2026-12-01&to=2026-12-01"))).containsExactly("to");
        assertThat(badFields(manager.get("/api/kpis?from=2026-12-02&to=2026-12-01&groupBy=hour"))).containsExactlyInAnyOrder("to", "groupBy");
        assertThat(badFields(manager.get("/api/kpis/keywords?from=2026-11-01&to=2026-12-01&limit=0"))).containsExactly("limit");
        assertThat(badFields(manager.get("/api/kpis/keywords?from=2026-11-01&to=2026-12-01&limit=ten"))).containsExactly("limit");
        assertThat(badFields(manager.get("/api/kpis/keywords?from=x&to=2026-12-01"))).containsExactly("from");
        for (String g : List.of("day", "week", "month", "agent", "team", "scenario", "product", "channel", "tier", "WEEK")) {
            assertThat(manager.get("/api/kpis?from=2026-11-01&to=2026-12-01&groupBy=" + g).getStatusCode()).as(g).isEqualTo(HttpStatus.OK);
        }
    }
}
