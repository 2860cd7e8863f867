package com.careloop.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerView;
import com.careloop.customer.CustomerService;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 6: POST /api/follow-ups started a call for a customer called minutes earlier (the cooling period was ignored)
 * and for one with a wrong number on file. Manual starts now apply the screening exclusions and answer 409 naming the
 * reason; a cs-manager may override the cooling period or a wrong number with a reason, which is recorded; agents and
 * supervisors sending an override get 403.
 */
class ManualStartExclusionsTest extends CareLoopTest {

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUpService;
    @Autowired FollowUpRepository followUps;
    @Autowired JdbcTemplate jdbc;

    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(engine, customers, followUpService);
    }

    ResponseEntity<Map<String, Object>> start(String user, CustomerView c, Object override) {
        Map<String, Object> body = override == null ? Map.of("customerId", c.id(), "scenario", "USAGE")
                : Map.of("customerId", c.id(), "scenario", "USAGE", "override", override);
        return Api.as(rest, user).post("/api/follow-ups", body);
    }

    CustomerView calledMinutesAgo() {
        CustomerView c = fx.customer();
        jdbc.update("update customer set last_follow_up_at = ? where id = ?", Timestamp.from(Instant.now().minus(Duration.ofMinutes(10))), c.id());
        return c;
    }

    void assertConflict(ResponseEntity<Map<String, Object>> r, Exclusion reason) {
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.CONFLICT);
        assertThat(r.getBody()).containsEntry("reason", reason.name());
        assertThat((String) r.getBody().get("detail")).contains(reason.name());
    }

    @Test
    void aCustomerCalledMinutesAgoIsNotCalledAgainWithinTheCoolingPeriod() {
        CustomerView c = calledMinutesAgo();
        assertConflict(start("agent1", c, null), Exclusion.COOLING_PERIOD);
        CustomerView refused = fx.customer();
        customers.recordRefusal(refused.id());
        assertConflict(start("supervisor1", refused, null), Exclusion.COOLING_PERIOD);
        assertThat(followUps.findByCustomerIdOrderByCreatedAtDesc(c.id())).isEmpty();
        assertThat(followUps.findByCustomerIdOrderByCreatedAtDesc(refused.id())).isEmpty();
    }

    @Test
    void everyScreeningExclusionIsA409NamingTheReason() {
        CustomerView wrongNumber = fx.customer();
        customers.flagContactInvalid(wrongNumber.id());
        assertConflict(start("agent1", wrongNumber, null), Exclusion.CONTACT_INVALID);

        CustomerView optedOut = fx.customer();
        jdbc.update("update customer set opt_out = true where id = ?", optedOut.id());
        assertConflict(start("agent1", optedOut, null), Exclusion.OPTED_OUT);

        CustomerView busy = fx.customer();
        assertThat(start("agent1", busy, null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map<String, Object>> second = start("agent1", busy, null);
        assertConflict(second, Exclusion.OPEN_FOLLOW_UP);
        assertThat((String) second.getBody().get("detail")).contains("already has open follow-up");
    }

    @Test
    void onlyACsManagerMayOverrideAndTheOverrideIsRecorded() {
        CustomerView c = calledMinutesAgo();
        assertThat(start("agent1", c, Map.of("reason", "客户要求今天回电")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(start("supervisor1", c, Map.of("reason", "客户要求今天回电")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> blank = start("manager1", c, Map.of("reason", " "));
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(blank.getBody().get("errors").toString()).contains("override.reason");
        assertThat(followUps.findByCustomerIdOrderByCreatedAtDesc(c.id())).isEmpty();

        ResponseEntity<Map<String, Object>> created = start("manager1", c, Map.of("reason", "客户要求今天回电"));
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("override")).isEqualTo(
                Map.of("reason", "客户要求今天回电", "by", "manager1", "exclusions", List.of("COOLING_PERIOD")));
        FollowUp f = followUps.findByCustomerIdOrderByCreatedAtDesc(c.id()).get(0);
        assertThat(f.getOverrideReason()).isEqualTo("客户要求今天回电");
        assertThat(f.getOverrideBy()).isEqualTo("manager1");
        assertThat(f.getOverriddenExclusions()).isEqualTo("COOLING_PERIOD");
        assertThat(f.getProcessInstanceId()).isNotNull();

        // an ordinary start records no override
        CustomerView plain = fx.customer();
        assertThat(start("manager1", plain, null).getBody()).containsEntry("override", null);
    }

    @Test
    void anOptOutAndAnOpenFollowUpCannotBeOverridden() {
        CustomerView optedOut = fx.customer();
        jdbc.update("update customer set opt_out = true where id = ?", optedOut.id());
        ResponseEntity<Map<String, Object>> r = start("manager1", optedOut, Map.of("reason", "经理批准"));
        assertConflict(r, Exclusion.OPTED_OUT);
        assertThat((String) r.getBody().get("detail")).contains("cannot be overridden");

        CustomerView busy = fx.customer();
        fx.followUp(busy, Scenario.USAGE);
        assertConflict(start("manager1", busy, Map.of("reason", "经理批准")), Exclusion.OPEN_FOLLOW_UP);
        assertThat(followUps.findByCustomerIdOrderByCreatedAtDesc(busy.id())).hasSize(1);
    }
}
