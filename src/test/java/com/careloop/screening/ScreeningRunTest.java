package com.careloop.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.careloop.customer.CustomerView;
import com.careloop.customer.CustomerRequest;
import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerTier;
import com.careloop.followup.FollowUpView;
import com.careloop.followup.FollowUpQueries;
import com.careloop.followup.FollowUpService;
import com.careloop.followup.FollowUpStatus;
import com.careloop.followup.Scenario;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Screening runs on PostgreSQL: rules, exclusions, campaigns, reruns, two runs at once, nightly and Tasklist starts. */
class ScreeningRunTest extends CareLoopTest {

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUpService;
    @Autowired FollowUpQueries followUps;
    @Autowired ScreeningService screening;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    String prefix;
    Instant now;

    @BeforeEach
    void setUp() {
        init(engine);
        prefix = "S" + UUID.randomUUID().toString().substring(0, 6) + "-";
        now = Instant.now();
    }

    CustomerView customer(String id, CustomerTier tier, String agent, boolean optOut, String tags, Integer firstPurchaseDaysAgo,
                      Integer lastPurchaseDaysAgo, Integer resolvedDaysAgo, Integer loginDaysAgo) {
        return customers.upsert(new CustomerRequest(prefix + id, "客户" + id, null, null, null, tier, agent, optOut, tags,
                ago(firstPurchaseDaysAgo), ago(lastPurchaseDaysAgo), ago(resolvedDaysAgo), ago(loginDaysAgo), null)).customer();
    }

    Instant ago(Integer days) {
        return days == null ? null : now.minus(Duration.ofDays(days));
    }

    List<FollowUpView> followUpsOf(CustomerView c) {
        return followUps.byCustomerId(c.id());
    }

    /** Runs every due job of the process instance (and its children) until none is left. */
    void drive(String processInstanceId) {
        for (int round = 0; round < 500; round++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                management.executeJob(job.getId());
            }
        }
        throw new AssertionError("jobs keep coming for " + processInstanceId);
    }

    ResponseEntity<Map<String, Object>> startRun(Map<String, Object> body) {
        return Api.as(rest, "manager1").post("/api/screening/runs", body);
    }

    Map<String, Object> run(Object id) {
        return Api.as(rest, "manager1").get("/api/screening/runs/" + id).getBody();
    }

    @Test
    void rulesRunPicksOneScenarioPerCustomerByPriorityAndSkipsTheExcluded() {
        CustomerView resolved = customer("resolved", CustomerTier.STANDARD, null, false, null, null, null, 1, null);
        CustomerView both = customer("both", CustomerTier.STANDARD, null, false, null, 3, 3, 2, null);
        CustomerView fresh = customer("new", CustomerTier.STANDARD, null, false, null, 3, 3, null, null);
        CustomerView vip = customer("vip", CustomerTier.VIP, "agent2", false, null, 200, 100, null, 1);
        CustomerView usage = customer("usage", CustomerTier.STANDARD, null, false, null, 100, 30, null, 1);
        CustomerView churn = customer("churn", CustomerTier.STANDARD, null, false, null, 300, 200, null, 40);
        CustomerView optedOut = customer("optout", CustomerTier.STANDARD, null, true, null, 3, 3, null, null);
        CustomerView busy = customer("open", CustomerTier.STANDARD, null, false, null, 3, 3, null, null);
        FollowUpView alreadyOpen = followUpService.start(busy.id(), Scenario.USAGE);
        CustomerView quiet = customer("quiet", CustomerTier.STANDARD, null, false, null, 100, 100, null, 1);
        CustomerView refused = customer("refused", CustomerTier.STANDARD, null, false, null, 3, 3, null, null);
        jdbc.update("update customer set refused_at = ? where id = ?", java.sql.Timestamp.from(ago(2)), refused.id());
        CustomerView recentlyCalled = customer("called", CustomerTier.STANDARD, null, false, null, 3, 3, null, null);
        jdbc.update("update customer set last_follow_up_at = ? where id = ?", java.sql.Timestamp.from(ago(3)), recentlyCalled.id());
        CustomerView wrongNumber = customer("wrongnumber", CustomerTier.STANDARD, null, false, null, 3, 3, null, null);
        jdbc.update("update customer set contact_invalid = true where id = ?", wrongNumber.id());

        ResponseEntity<Map<String, Object>> started = startRun(Map.of());
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        Object runId = started.getBody().get("id");
        String pi = (String) started.getBody().get("processInstanceId");
        assertThat(started.getBody()).containsEntry("status", "RUNNING");
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult();
        assertThat(instance).isWaitingAt("Task_SelectCandidates");
        drive(pi);
        assertThat(instance).isEnded().hasPassed("Task_SelectCandidates", "Task_StartFollowUps", "Task_CompleteRun");

        Map<String, Object> report = run(runId);
        assertThat(report).containsEntry("status", "COMPLETED").containsKey("finishedAt");
        @SuppressWarnings("unchecked")
        Map<String, Number> skipped = (Map<String, Number>) report.get("skipped");
        assertThat(skipped).containsKeys("OPTED_OUT", "OPEN_FOLLOW_UP", "NO_RULE_MATCHED", "COOLING_PERIOD", "CONTACT_INVALID");
        assertThat(((Number) report.get("created")).intValue()).isGreaterThanOrEqualTo(6).isLessThanOrEqualTo((Integer) report.get("candidates"));

        assertThat(followUpsOf(resolved)).singleElement().extracting(FollowUpView::scenario).isEqualTo(Scenario.POST_RESOLUTION);
        assertThat(followUpsOf(both)).singleElement().extracting(FollowUpView::scenario).isEqualTo(Scenario.POST_RESOLUTION);
        assertThat(followUpsOf(fresh)).singleElement().extracting(FollowUpView::scenario).isEqualTo(Scenario.NEW_PURCHASE);
        FollowUpView vipCall = followUpsOf(vip).get(0);
        assertThat(vipCall.scenario()).isEqualTo(Scenario.VIP_CARE);
        assertThat(vipCall.assignedAgent()).isEqualTo("agent2");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(vipCall.processInstanceId()).count()).isEqualTo(1);
        assertThat(followUpsOf(usage)).singleElement().extracting(FollowUpView::scenario).isEqualTo(Scenario.USAGE);
        assertThat(followUpsOf(churn)).singleElement().extracting(FollowUpView::scenario).isEqualTo(Scenario.CHURN_RISK);
        assertThat(followUpsOf(optedOut)).isEmpty();
        assertThat(followUpsOf(busy)).extracting(FollowUpView::id).containsExactly(alreadyOpen.id());
        assertThat(followUpsOf(quiet)).isEmpty();
        assertThat(followUpsOf(refused)).as("refused two days ago: cooling period").isEmpty();
        assertThat(followUpsOf(recentlyCalled)).as("called three days ago: cooling period").isEmpty();
        assertThat(followUpsOf(wrongNumber)).as("wrong number on file").isEmpty();

        // a rerun creates nothing new for these customers: they all hold an open follow-up now
        ResponseEntity<Map<String, Object>> rerun = startRun(Map.of());
        drive((String) rerun.getBody().get("processInstanceId"));
        for (CustomerView c : List.of(resolved, both, fresh, vip, usage, churn, busy)) {
            assertThat(followUpsOf(c)).as(c.externalId()).hasSize(1);
        }
        assertThat(run(rerun.getBody().get("id"))).containsEntry("status", "COMPLETED");
    }

    @Test
    void twoRunsAtOnceNeverDuplicateAFollowUp() throws Exception {
        List<CustomerView> targets = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            targets.add(customer("twin" + i, CustomerTier.STANDARD, null, false, "twins-" + prefix, 2, 2, null, null));
        }
        Map<String, Object> campaign = Map.of("campaign", Map.of("name", "双跑 " + prefix, "scenario", "PROMOTION", "tags", List.of("twins-" + prefix)));
        String a = (String) startRun(campaign).getBody().get("processInstanceId");
        String b = (String) startRun(campaign).getBody().get("processInstanceId");
        // both select before either starts anything: the same customers are candidates of both runs
        for (String pi : List.of(a, b)) {
            management.executeJob(management.createJobQuery().processInstanceId(pi).activityId("Task_SelectCandidates").singleResult().getId());
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (String pi : List.of(a, b)) {
                running.add(pool.submit(() -> {
                    try {
                        drive(pi);
                    } catch (RuntimeException collision) {
                        // the unique index refused the loser's chunk: its job is retried below
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        for (String pi : List.of(a, b)) {
            for (Job failed : management.createJobQuery().processInstanceId(pi).list()) {
                management.setJobRetries(failed.getId(), 1);
                management.setJobDuedate(failed.getId(), null);
            }
            drive(pi);
        }
        for (CustomerView c : targets) {
            assertThat(followUpsOf(c)).as(c.externalId()).singleElement()
                    .satisfies(f -> assertThat(f.scenario()).isEqualTo(Scenario.PROMOTION));
        }
        assertThat(targets.stream().filter(t -> jdbc.queryForObject(
                "select count(*) from follow_up where customer_id = ? and screening_run_id is not null", Long.class, t.id()) > 0).count())
                .isEqualTo(targets.size());
    }

    @Test
    void aFailingChunkIsAnIncidentAndFinishesWhenRetried() {
        List<CustomerView> targets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            targets.add(customer("fail" + i, CustomerTier.STANDARD, null, false, "fail-" + prefix, 2, 2, null, null));
        }
        ResponseEntity<Map<String, Object>> started = startRun(Map.of("campaign",
                Map.of("name", "失败重试 " + prefix, "scenario", "PROMOTION", "tags", List.of("fail-" + prefix))));
        String pi = (String) started.getBody().get("processInstanceId");
        Object runId = started.getBody().get("id");
        management.executeJob(management.createJobQuery().processInstanceId(pi).activityId("Task_SelectCandidates").singleResult().getId());
        // break one candidate row: its chunk cannot start
        jdbc.update("update screening_candidate set scenario = 'BOGUS' where run_id = ? and customer_id = ?", ((Number) runId).longValue(),
                targets.get(1).id());
        Job chunk = management.createJobQuery().processInstanceId(pi).activityId("Task_StartFollowUps").singleResult();
        // the chunk's retry intervals (PT1S, PT5S, PT30S, PT2M, PT10M), then an incident
        for (int attempt = 0; attempt < 10 && runtime.createIncidentQuery().processInstanceId(pi).count() == 0; attempt++) {
            assertThatThrownBy(() -> management.executeJob(chunk.getId())).isInstanceOf(RuntimeException.class);
        }
        assertThat(runtime.createIncidentQuery().processInstanceId(pi).count()).isEqualTo(1);
        assertThat(run(runId)).containsEntry("status", "FAILED").containsEntry("created", 0);
        assertThat(followUpsOf(targets.get(0))).as("the failed chunk rolled back completely").isEmpty();

        jdbc.update("update screening_candidate set scenario = 'PROMOTION' where scenario = 'BOGUS' and run_id = ?", ((Number) runId).longValue());
        management.setJobRetries(chunk.getId(), 1); // "Retry" in Cockpit
        management.setJobDuedate(chunk.getId(), null);
        drive(pi);
        assertThat(run(runId)).containsEntry("status", "COMPLETED").containsEntry("created", 3);
        for (CustomerView c : targets) {
            assertThat(followUpsOf(c)).hasSize(1);
        }
    }

    @Test
    void theDatabaseRefusesASecondFollowUpForTheSamePeriod() {
        CustomerView c = customer("unique", CustomerTier.STANDARD, null, false, null, null, null, null, null);
        String insert = "insert into follow_up (number, customer_id, scenario, priority, status, due_at, created_at, period_key)"
                + " values (?, ?, 'VIP_CARE', 80, 'CLOSED', ?, ?, 'M2026-11')";
        java.sql.Timestamp at = java.sql.Timestamp.from(now);
        jdbc.update(insert, "FU-T-" + prefix + "1", c.id(), at, at);
        assertThatThrownBy(() -> jdbc.update(insert, "FU-T-" + prefix + "2", c.id(), at, at))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void theWriterSkipsASecondFollowUpForTheSamePeriod() {
        CustomerView c = customer("period", CustomerTier.STANDARD, null, false, null, null, null, null, null);
        var first = followUpService.open(List.of(com.careloop.followup.NewFollowUp.screened(c.id(), Scenario.VIP_CARE, "M2026-11", 0L, null)));
        assertThat(first).singleElement().satisfies(o -> assertThat(o.created()).isTrue());
        jdbc.update("update follow_up set status = 'CLOSED' where id = ?", first.get(0).followUpId());
        var second = followUpService.open(List.of(com.careloop.followup.NewFollowUp.screened(c.id(), Scenario.VIP_CARE, "M2026-11", 0L, null)));
        assertThat(second).singleElement().satisfies(o -> assertThat(o.excludedBy()).isEqualTo(com.careloop.followup.Exclusion.DUPLICATE_PERIOD));
    }

    @Test
    void campaignSelectsByFiltersAndRunsOncePerCustomer() {
        CustomerView inTier = customer("c1", CustomerTier.VIP, null, false, "camp-" + prefix, 100, 20, null, 1);
        CustomerView otherTier = customer("c2", CustomerTier.STANDARD, null, false, "camp-" + prefix, 100, 20, null, 1);
        CustomerView otherTag = customer("c3", CustomerTier.VIP, null, false, "other", 100, 20, null, 1);
        CustomerView oldPurchase = customer("c4", CustomerTier.VIP, null, false, "camp-" + prefix, 400, 400, null, 1);
        LocalDate today = LocalDate.now();
        Map<String, Object> body = Map.of("campaign", Map.of("name", "服务升级 " + prefix, "scenario", "PROMOTION", "tier", "VIP",
                "tags", List.of("camp-" + prefix), "purchasedFrom", today.minusDays(60).toString(), "purchasedTo", today.toString()));
        ResponseEntity<Map<String, Object>> started = startRun(body);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        drive((String) started.getBody().get("processInstanceId"));
        Map<String, Object> report = run(started.getBody().get("id"));
        assertThat(report).containsEntry("status", "COMPLETED").containsEntry("candidates", 1).containsEntry("created", 1);
        assertThat(followUpsOf(inTier)).singleElement().extracting(FollowUpView::scenario).isEqualTo(Scenario.PROMOTION);
        assertThat(followUpsOf(otherTier)).isEmpty();
        assertThat(followUpsOf(otherTag)).isEmpty();
        assertThat(followUpsOf(oldPurchase)).isEmpty();
    }

    @Test
    void badRunRequestsAreA400AndStartNothing() {
        long before = runtime.createProcessInstanceQuery().processDefinitionKey("screening").count();
        ResponseEntity<Map<String, Object>> noName = startRun(Map.of("campaign", Map.of("scenario", "PROMOTION")));
        assertThat(noName.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noName.getBody().get("errors").toString()).contains("campaign.name");
        ResponseEntity<Map<String, Object>> badDates = startRun(Map.of("campaign", Map.of("name", "x", "scenario", "PROMOTION",
                "purchasedFrom", "2026-05-02", "purchasedTo", "2026-05-01")));
        assertThat(badDates.getBody().get("errors").toString()).contains("campaign.purchasedTo");
        ResponseEntity<Map<String, Object>> badScenario = startRun(Map.of("campaign", Map.of("name", "x", "scenario", "LOTTERY")));
        assertThat(badScenario.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(Api.as(rest, "agent1").post("/api/screening/runs", Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Api.as(rest, "manager1").get("/api/screening/runs/987654").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("screening").count()).isEqualTo(before);
    }

    @Test
    void managersStartACampaignFromTasklistAndTheNightlyTimerStartsARulesRun() {
        CustomerView target = customer("form", CustomerTier.STANDARD, null, false, "form-" + prefix, 100, 10, null, 1);
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("screening")
                .latestVersion().singleResult().getId();
        engine.getIdentityService().setAuthentication("manager1", List.of("cs-managers"));
        ProcessInstance viaForm;
        try {
            viaForm = engine.getFormService().submitStartForm(definitionId, Map.of("campaignName", "表单活动 " + prefix,
                    "campaignScenario", "PROMOTION", "campaignTier", "ALL", "campaignTags", "form-" + prefix));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        drive(viaForm.getId());
        assertThat(followUpsOf(target)).singleElement().extracting(FollowUpView::scenario).isEqualTo(Scenario.PROMOTION);
        ScreeningRun formRun = screening.get(((Number) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(viaForm.getId()).variableName("runId").singleResult().getValue()).longValue());
        assertThat(formRun.getStartedBy()).isEqualTo("manager1");
        assertThat(formRun.campaign().name()).isEqualTo("表单活动 " + prefix);

        Job nightly = management.createJobQuery().processDefinitionKey("screeningNightly").timers().singleResult();
        assertThat(nightly).as("the nightly timer is scheduled").isNotNull();
        assertThat(nightly.getDuedate()).isAfter(new java.util.Date());
        management.executeJob(nightly.getId());
        ProcessInstance trigger = runtime.createProcessInstanceQuery().processDefinitionKey("screeningNightly").active().singleResult();
        ProcessInstance child = runtime.createProcessInstanceQuery().superProcessInstanceId(trigger.getId()).singleResult();
        assertThat(child).isWaitingAt("Task_SelectCandidates");
        long nightlyRunId = ((Number) runtime.getVariable(child.getId(), "runId")).longValue();
        drive(child.getId());
        assertThat(child).isEnded();
        assertThat(trigger).isEnded().hasPassed("CallActivity_RunScreening");
        ScreeningRun nightlyRun = screening.get(nightlyRunId);
        assertThat(nightlyRun.campaign()).as("the nightly run applies the rules, not a campaign").isNull();
        assertThat(nightlyRun.getStartedBy()).isNull();
        assertThat(screening.status(nightlyRun)).isEqualTo(ScreeningService.Status.COMPLETED);
        assertThat(management.createJobQuery().processDefinitionKey("screeningNightly").timers().count())
                .as("the timer is scheduled again for the next night").isEqualTo(1);
    }
}
