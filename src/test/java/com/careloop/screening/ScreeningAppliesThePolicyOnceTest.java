package com.careloop.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerRequest;
import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerTier;
import com.careloop.followup.Exclusion;
import com.careloop.followup.Scenario;
import com.careloop.followup.ScenarioPolicy;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 6 leftovers: screening evaluated the scenario policy and stored priority and caller on each candidate, which
 * nothing read (the follow-up writer evaluated the policy again). A candidate now keeps what only screening decides
 * (scenario, period, planned due date); the follow-up gets the policy's priority and caller from the writer and the
 * planned due date from the candidate. Skip reasons are followup's {@link Exclusion}s (plus NO_RULE_MATCHED).
 */
class ScreeningAppliesThePolicyOnceTest extends CareLoopTest {

    @Autowired TestRestTemplate rest;
    @Autowired ManagementService management;
    @Autowired CustomerService customers;
    @Autowired ScenarioPolicy policy;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aCandidateHoldsNoPriorityOrCallerAndTheFollowUpGetsThePolicysTerms() {
        String tag = "once-" + UUID.randomUUID().toString().substring(0, 6);
        Instant now = Instant.now();
        long vip = customers.upsert(new CustomerRequest(tag + "-vip", "贵宾", null, "13800138000", null, CustomerTier.VIP, "agent1",
                false, tag, now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(40)), null, null, null)).customer().id();
        long optedOut = customers.upsert(new CustomerRequest(tag + "-out", "免打扰", null, "13800138001", null, CustomerTier.STANDARD, null,
                true, tag, now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(40)), null, null, null)).customer().id();
        ResponseEntity<Map<String, Object>> started = Api.as(rest, "manager1").post("/api/screening/runs",
                Map.of("campaign", Map.of("name", "一次评估 " + tag, "scenario", "VIP_CARE", "tags", List.of(tag))));
        String pi = (String) started.getBody().get("processInstanceId");
        long runId = ((Number) started.getBody().get("id")).longValue();
        for (int round = 0; round < 100; round++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(pi).executable().list();
            if (jobs.isEmpty()) {
                break;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }

        ScenarioPolicy.Terms terms = policy.of(Scenario.VIP_CARE, CustomerTier.VIP);
        Map<String, Object> followUp = jdbc.queryForMap("select f.priority, f.assigned_agent, f.due_at, sc.due_at as planned"
                + " from follow_up f join screening_candidate sc on sc.follow_up_id = f.id where sc.run_id = ? and sc.customer_id = ?", runId, vip);
        assertThat(((Number) followUp.get("priority")).intValue()).isEqualTo(terms.priority());
        assertThat(followUp.get("assigned_agent")).isEqualTo(terms.agent("agent1"));
        assertThat(followUp.get("due_at")).as("the due date the run planned").isEqualTo(followUp.get("planned"));
        assertThat(jdbc.queryForObject("select count(*) from screening_candidate where run_id = ? and customer_id = ?", Long.class,
                runId, optedOut)).isZero();

        List<String> vocabulary = Stream.concat(Arrays.stream(Exclusion.values()).map(Enum::name),
                Stream.of(CandidateSelector.NO_RULE_MATCHED)).toList();
        List<String> reasons = jdbc.queryForList("select reason from screening_skip where run_id = ?", String.class, runId);
        assertThat(reasons).contains(Exclusion.OPTED_OUT.name());
        assertThat(vocabulary).containsAll(reasons);
    }

    @Test
    void theColumnsAndTableNothingReadsAreGone() {
        List<String> columns = jdbc.queryForList("select lower(column_name) from information_schema.columns"
                + " where lower(table_name) = 'screening_candidate'", String.class);
        assertThat(columns).contains("scenario", "due_at", "period_key").doesNotContain("priority", "assigned_agent");
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where lower(table_name) = 'business_counter'",
                Long.class)).isZero();
    }
}
