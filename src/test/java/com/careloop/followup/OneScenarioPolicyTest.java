package com.careloop.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerView;
import com.careloop.customer.CustomerRequest;
import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerTier;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 6, "two scenario policies that disagree": a post-resolution call started by POST /api/follow-ups was due 3
 * working days later, the one the nightly screening created for the same customer on the same day 1 working day later;
 * the VIP bonus lived only in Java. Now all three ways in evaluate bpmn/scenarioPolicy.dmn: the same customer, scenario
 * and day get the same dueAt, priority and caller whether started by REST, a campaign or a screening run.
 */
class OneScenarioPolicyTest extends CareLoopTest {

    @Autowired TestRestTemplate rest;
    @Autowired CustomerService customers;
    @Autowired FollowUpQueries followUps;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired ScenarioPolicy policy;

    String prefix;
    Instant now;

    @BeforeEach
    void setUp() {
        prefix = "P" + UUID.randomUUID().toString().substring(0, 6) + "-";
        now = Instant.now();
    }

    CustomerView customer(String id, CustomerTier tier, String agent, String tags, Integer resolvedDaysAgo) {
        return customers.upsert(new CustomerRequest(prefix + id, "客户" + id, null, null, null, tier, agent, false, tags,
                null, null, resolvedDaysAgo == null ? null : now.minus(Duration.ofDays(resolvedDaysAgo)), null, null)).customer();
    }

    FollowUpView only(CustomerView c) {
        List<FollowUpView> all = followUps.byCustomerId(c.id());
        assertThat(all).as(c.externalId()).hasSize(1);
        return all.get(0);
    }

    FollowUpView viaRest(CustomerView c, Scenario scenario) {
        ResponseEntity<Map<String, Object>> created = Api.as(rest, "supervisor1").post("/api/follow-ups",
                Map.of("customerId", c.id(), "scenario", scenario.name()));
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return only(c);
    }

    void runScreening(Map<String, Object> body) {
        ResponseEntity<Map<String, Object>> started = Api.as(rest, "manager1").post("/api/screening/runs", body);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String pi = (String) started.getBody().get("processInstanceId");
        for (int round = 0; round < 500; round++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(pi).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep coming for " + pi);
    }

    void assertSameTerms(FollowUpView expected, FollowUpView actual) {
        assertThat(actual.scenario()).isEqualTo(expected.scenario());
        assertThat(actual.dueAt()).as("dueAt of " + actual.number() + " vs " + expected.number()).isEqualTo(expected.dueAt());
        assertThat(actual.priority()).as("priority").isEqualTo(expected.priority());
        Task expectedTask = tasks.createTaskQuery().processInstanceId(expected.processInstanceId()).singleResult();
        Task actualTask = tasks.createTaskQuery().processInstanceId(actual.processInstanceId()).singleResult();
        assertThat(actualTask.getDueDate()).isEqualTo(expectedTask.getDueDate()).isEqualTo(java.util.Date.from(actual.dueAt()));
        assertThat(actualTask.getPriority()).isEqualTo(expectedTask.getPriority()).isEqualTo(actual.priority());
    }

    @Test
    void restCampaignAndScreeningGiveTheSameDueDateAndPriority() {
        // resolved yesterday: the rules pick POST_RESOLUTION for the first; the same scenario by REST and by a campaign
        CustomerView screened = customer("screened", CustomerTier.STANDARD, null, null, 1);
        CustomerView manual = customer("manual", CustomerTier.STANDARD, null, null, 1);
        CustomerView campaigned = customer("campaign", CustomerTier.STANDARD, null, "policy-" + prefix, 1);
        FollowUpView byRest = viaRest(manual, Scenario.POST_RESOLUTION);
        runScreening(Map.of("campaign", Map.of("name", "策略一致 " + prefix, "scenario", "POST_RESOLUTION", "tags", List.of("policy-" + prefix))));
        runScreening(Map.of());

        FollowUpView byScreening = only(screened);
        assertThat(byScreening.scenario()).isEqualTo(Scenario.POST_RESOLUTION);
        assertSameTerms(byScreening, byRest);
        assertSameTerms(byScreening, only(campaigned));
        ScenarioPolicy.Terms terms = policy.of(Scenario.POST_RESOLUTION, CustomerTier.STANDARD);
        assertThat(byRest.priority()).isEqualTo(terms.priority());
        assertThat(byRest.assignedAgent()).isNull();
    }

    @Test
    void aVipGetsTheSameTermsAndAccountAgentEveryWay() {
        // VIP, never followed up, nothing else known: the rules pick VIP_CARE
        CustomerView screened = customer("vip-screened", CustomerTier.VIP, "agent2", null, null);
        CustomerView manual = customer("vip-manual", CustomerTier.VIP, "agent2", null, null);
        CustomerView campaigned = customer("vip-campaign", CustomerTier.VIP, "agent2", "vip-" + prefix, null);
        FollowUpView byRest = viaRest(manual, Scenario.VIP_CARE);
        runScreening(Map.of("campaign", Map.of("name", "VIP 策略 " + prefix, "scenario", "VIP_CARE", "tags", List.of("vip-" + prefix))));
        runScreening(Map.of());

        FollowUpView byScreening = only(screened);
        assertThat(byScreening.scenario()).isEqualTo(Scenario.VIP_CARE);
        assertSameTerms(byScreening, byRest);
        assertSameTerms(byScreening, only(campaigned));
        for (FollowUpView f : List.of(byScreening, byRest, only(campaigned))) {
            assertThat(f.assignedAgent()).as("a VIP's call goes to the account agent").isEqualTo("agent2");
        }
        assertThat(byRest.priority()).isEqualTo(policy.of(Scenario.VIP_CARE, CustomerTier.VIP).priority())
                .isGreaterThanOrEqualTo(policy.of(Scenario.VIP_CARE, CustomerTier.STANDARD).priority());
    }
}
