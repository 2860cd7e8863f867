package com.careloop.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.careloop.engine.FormText;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Issue 8: a run started from Tasklist's "Start process" ends with a confirmation naming what was created — Tasklist
 * opens the starter's first task of the new instance right after the start, and that task is
 * Task_ConfirmRunStarted (run number, campaign, the latest runs with their counts). REST and nightly runs get none;
 * the finished run ends the instance, an unanswered confirmation with it.
 */
class ScreeningStartConfirmationProcessTest extends CareLoopTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired ScreeningService screening;
    @Autowired TestRestTemplate rest;

    String tag;

    @BeforeEach
    void setUp() {
        init(engine);
        tag = "confirm-" + UUID.randomUUID().toString().substring(0, 6);
    }

    ProcessInstance startFromTasklist(String user) {
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(ScreeningService.PROCESS_KEY)
                .latestVersion().singleResult().getId();
        engine.getIdentityService().setAuthentication(user, List.of("cs-managers"));
        try {
            return engine.getFormService().submitStartForm(definitionId, Map.of("campaignName", "确认测试 " + tag,
                    "campaignScenario", "PROMOTION", "campaignTier", "ALL", "campaignTags", tag));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    void drive(String processInstanceId) {
        for (int round = 0; round < 200; round++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> management.executeJob(j.getId()));
        }
        throw new AssertionError("jobs keep coming");
    }

    /** What Tasklist looks up right after a start: the starter's tasks in the new instance. */
    Task firstTaskOf(String user, ProcessInstance pi) {
        return tasks.createTaskQuery().taskAssignee(user).processInstanceId(pi.getId()).singleResult();
    }

    @Test
    void aRunStartedInTasklistGivesTheStarterAConfirmationNamingTheRun() {
        screening.start(null, new Campaign("更早的活动 " + tag, com.careloop.followup.Scenario.PROMOTION, null, List.of(tag), List.of(), null, null), "manager1");
        ProcessInstance pi = startFromTasklist("manager1");
        Task confirm = firstTaskOf("manager1", pi);
        assertThat(confirm).as("Tasklist opens this task after the start").isNotNull();
        assertThat(confirm.getTaskDefinitionKey()).isEqualTo("Task_ConfirmRunStarted");
        long runId = ((Number) runtime.getVariable(pi.getId(), ScreeningVariables.RUN_ID)).longValue();
        Map<String, Object> shown = tasks.getVariablesLocal(confirm.getId());
        assertThat(shown.get("runNumber")).isEqualTo("SR-" + runId);
        assertThat(shown.get("runLabel")).asString().contains("SR-" + runId).contains(FormText.plain("确认测试 " + tag)).contains("Campaign");
        assertThat(shown.get("recentRuns")).asString().contains("SR-" + runId).contains(FormText.plain("更早的活动 " + tag)).contains("已创建 created");
        assertThat(pi).isWaitingAt("Task_SelectCandidates", "Task_ConfirmRunStarted");

        tasks.complete(confirm.getId());
        assertThat(pi).hasPassed("EndEvent_RunStartConfirmed");
        drive(pi.getId());
        assertThat(pi).isEnded().hasPassed("Task_CompleteRun", "EndEvent_RunCompleted");
        assertThat(screening.status(screening.get(runId))).isEqualTo(ScreeningService.Status.COMPLETED);
    }

    @Test
    void theFinishedRunEndsAnUnansweredConfirmation() {
        ProcessInstance pi = startFromTasklist("manager1");
        assertThat(firstTaskOf("manager1", pi)).isNotNull();
        drive(pi.getId());
        assertThat(pi).isEnded().hasNotPassed("EndEvent_RunStartConfirmed");
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void restAndNightlyRunsGetNoConfirmation() {
        Map<String, Object> started = Api.as(rest, "manager1").post("/api/screening/runs",
                Map.of("campaign", Map.of("name", "REST " + tag, "scenario", "PROMOTION", "tags", List.of(tag)))).getBody();
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId((String) started.get("processInstanceId")).singleResult();
        assertThat(pi).hasPassed("EndEvent_NoConfirmation").hasNotPassed("Task_ConfirmRunStarted");
        drive(pi.getId());
        assertThat(pi).isEnded();
    }
}
