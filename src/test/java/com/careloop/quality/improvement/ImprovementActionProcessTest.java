package com.careloop.quality.improvement;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.notification.Delivery;
import com.careloop.notification.DeliveryLog;
import com.careloop.notification.NotificationWorker;
import com.careloop.quality.KpiValues;
import com.careloop.quality.WithStubbedKpis;
import com.careloop.testsupport.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * bpmn/improvementAction.bpmn from the Tasklist start form through verification: the owner's task with reminder and
 * escalation, the verification timer, the KPI before and after through QualityKpis, the manager's review — target met
 * and closed; not met, reopened to the owner and then closed; a bad start form creates nothing.
 */
class ImprovementActionProcessTest extends WithStubbedKpis {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired TestRestTemplate rest;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired ImprovementActions actions;
    @Autowired NotificationWorker notifications;
    @Autowired DeliveryLog deliveries;
    final ObjectMapper json = new ObjectMapper();
    LocalDate today;
    double before;
    double after;

    @BeforeEach
    void stub() {
        stubKpis();
        today = LocalDate.now(ZONE);
        // the period before the start begins before today; the verification period starts today (the owner is done today)
        totals = from -> from.isBefore(today) ? kpis(before) : kpis(after);
    }

    /** CSAT and FCR both at {@code value} */
    static KpiValues kpis(double value) {
        return new KpiValues(60, value, 4.1, 20.0, null, null, value, null, null, null, null, 5L, 0L, Map.of());
    }

    Map<String, Object> startForm(String metric, double delta, String cycles) {
        Map<String, Object> f = new HashMap<>();
        f.put("problem", "周末回访满意度偏低 Weekend CSAT low");
        f.put("rootCause", "PROCESS");
        f.put("measure", "周末增加一名值班主管 one more supervisor on weekends");
        f.put("ownerTeam", "cs-center");
        f.put("deadline", today.plusDays(10).toString());
        f.put("targetMetric", metric);
        f.put("targetDelta", delta);
        f.put("verificationCycles", cycles);
        return f;
    }

    ResponseEntity<String> start(String user, Map<String, Object> fields) throws Exception {
        return Api.as(rest, user).postRaw("/engine-rest/process-definition/key/" + ImprovementVariables.PROCESS_KEY + "/submit-form",
                json.writeValueAsString(Map.of("variables", wrap(fields))));
    }

    static Map<String, Object> wrap(Map<String, Object> fields) {
        Map<String, Object> variables = new HashMap<>();
        fields.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        return variables;
    }

    ResponseEntity<String> submit(String user, Task task, Map<String, Object> fields) throws Exception {
        if (tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee() == null) {
            assertThat(Api.as(rest, user).postRaw("/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"" + user + "\"}").getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
        }
        return Api.as(rest, user).postRaw("/engine-rest/task/" + task.getId() + "/submit-form", json.writeValueAsString(Map.of("variables", wrap(fields))));
    }

    Task task(String pi, String key) {
        Task t = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
        assertThat(t).as("open task " + key).isNotNull();
        return t;
    }

    void executeJob(String pi, String activityId) {
        List<Job> jobs = management.createJobQuery().processInstanceId(pi).activityId(activityId).list();
        assertThat(jobs).as("job at " + activityId).hasSize(1);
        management.executeJob(jobs.get(0).getId());
    }

    long passed(String pi, String activityId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(pi).activityId(activityId).finished().count();
    }

    List<Delivery> sent(String number, String type) {
        return deliveries.byReference(number).stream().filter(d -> type.equals(d.type())).toList();
    }

    @Test
    void startedInTasklistCarriedOutVerifiedTargetMetAndClosed() throws Exception {
        ResponseEntity<String> started = start("manager1", startForm("csat", 5, "1"));
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode body = json.readTree(started.getBody());
        String pi = body.get("id").asText();
        String number = runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey();
        assertThat(number).startsWith("IA");
        ImprovementAction action = actions.byNumber(number);
        assertThat(action.getStartedBy()).isEqualTo("manager1");
        assertThat(action.getProblem()).contains("Weekend CSAT low");
        assertThat(action.getRootCause()).isEqualTo(RootCause.PROCESS);
        assertThat(runtime.getVariables(pi)).doesNotContainKeys("problem", "measure");

        Task carryOut = task(pi, ImprovementVariables.TASK_CARRY_OUT);
        assertThat(carryOut.getName()).contains(number);
        assertThat(tasks.getIdentityLinksForTask(carryOut.getId())).extracting(IdentityLink::getGroupId).contains("cs-center");
        assertThat(carryOut.getDueDate().toInstant()).isEqualTo(today.plusDays(11).atStartOfDay(ZONE).toInstant());
        assertThat(tasks.getVariable(carryOut.getId(), "problemText").toString()).contains("Weekend CSAT low");

        executeJob(pi, "Timer_ImprovementReminder");
        assertThat(notifications.runOnce(number)).isEqualTo(1);
        assertThat(sent(number, "IMPROVEMENT_REMINDER")).extracting(Delivery::recipient).contains("center1@careloop.local");
        assertThat(passed(pi, "EndEvent_ImprovementReminded")).isEqualTo(1);

        executeJob(pi, "Timer_ImprovementOverdue");
        assertThat(tasks.getIdentityLinksForTask(carryOut.getId())).extracting(IdentityLink::getGroupId).contains("cs-center", "cs-managers");
        assertThat(actions.byNumber(number).isOverdue()).isTrue();
        assertThat(notifications.runOnce(number)).isEqualTo(1);
        assertThat(sent(number, "IMPROVEMENT_ESCALATION")).extracting(Delivery::recipient)
                .contains("center1@careloop.local", "manager1@careloop.local");
        assertThat(passed(pi, "EndEvent_ImprovementEscalated")).isEqualTo(1);

        ResponseEntity<String> noNotes = submit("center1", carryOut, Map.of("doneNotes", " "));
        assertThat(noNotes.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noNotes.getBody()).contains("doneNotes");
        assertThat(submit("center1", carryOut, Map.of("doneNotes", "已安排周末值班 weekend rota in place")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        Job verification = management.createJobQuery().processInstanceId(pi).activityId("Timer_VerificationPeriod").singleResult();
        assertThat(verification).as("waiting for the verification period").isNotNull();
        assertThat(Duration.between(actions.byNumber(number).getDoneAt(), verification.getDuedate().toInstant())).isEqualTo(Duration.ofDays(7));

        before = 76.0;
        after = 81.5;
        executeJob(pi, "Timer_VerificationPeriod");
        LocalDate startDay = action.getStartedAt().atZone(ZONE).toLocalDate();
        assertThat(asked).as("the same length before the start, and the verification period")
                .contains(startDay.minusDays(7) + ".." + startDay, today + ".." + today.plusDays(7));

        Task review = task(pi, ImprovementVariables.TASK_REVIEW);
        assertThat(tasks.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId).contains("cs-managers");
        assertThat(tasks.getVariables(review.getId())).containsEntry("kpiBefore", 76.0).containsEntry("kpiAfter", 81.5)
                .containsEntry("targetMet", true).containsEntry("verdictLabel", "已达成目标 Target met");
        ImprovementAction verified = actions.byNumber(number);
        assertThat(verified.getKpiBefore()).isEqualTo(76.0);
        assertThat(verified.getKpiAfter()).isEqualTo(81.5);
        assertThat(verified.getTargetMet()).isTrue();
        assertThat(verified.getStatus()).isEqualTo(ImprovementAction.Status.REVIEW);

        assertThat(submit("manager1", review, Map.of("reviewDecision", "CLOSE")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(passed(pi, "EndEvent_ImprovementClosed")).isEqualTo(1);
        assertThat(actions.byNumber(number).getStatus()).isEqualTo(ImprovementAction.Status.CLOSED);
        assertThat(actions.byNumber(number).getReviewedBy()).isEqualTo("manager1");
    }

    @Test
    void targetNotMetIsReopenedToTheOwnerThenClosed() throws Exception {
        ResponseEntity<String> started = start("manager1", startForm("fcr", 8, "2"));
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
        String pi = json.readTree(started.getBody()).get("id").asText();
        String number = runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey();

        assertThat(submit("center1", task(pi, ImprovementVariables.TASK_CARRY_OUT), Map.of("doneNotes", "首次联系解决培训 FCR coaching"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Job verification = management.createJobQuery().processInstanceId(pi).activityId("Timer_VerificationPeriod").singleResult();
        assertThat(Duration.between(actions.byNumber(number).getDoneAt(), verification.getDuedate().toInstant()))
                .as("two cycles").isEqualTo(Duration.ofDays(14));
        before = 60.0;
        after = 65.0; // +5 of the +8 points
        executeJob(pi, "Timer_VerificationPeriod");
        Task review = task(pi, ImprovementVariables.TASK_REVIEW);
        assertThat(tasks.getVariables(review.getId())).containsEntry("targetMet", false).containsEntry("verdictLabel", "未达成目标 Target not met");
        assertThat(actions.byNumber(number).getTargetMet()).isFalse();

        ResponseEntity<String> noDeadline = submit("manager1", review, Map.of("reviewDecision", "REOPEN"));
        assertThat(noDeadline.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noDeadline.getBody()).contains("newDeadline");
        assertThat(submit("manager1", review, Map.of("reviewDecision", "REOPEN", "newDeadline", today.plusDays(20).toString()))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        Task again = task(pi, ImprovementVariables.TASK_CARRY_OUT);
        assertThat(again.getDueDate().toInstant()).isEqualTo(today.plusDays(21).atStartOfDay(ZONE).toInstant());
        assertThat(passed(pi, "Gateway_MergeCarryOut")).isEqualTo(2);
        ImprovementAction reopened = actions.byNumber(number);
        assertThat(reopened.getReopenCount()).isEqualTo(1);
        assertThat(reopened.getStatus()).isEqualTo(ImprovementAction.Status.IN_PROGRESS);

        assertThat(submit("center1", again, Map.of("doneNotes", "复盘并更新知识库 knowledge base updated")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        after = 69.0;
        executeJob(pi, "Timer_VerificationPeriod");
        Task secondReview = task(pi, ImprovementVariables.TASK_REVIEW);
        assertThat(tasks.getVariables(secondReview.getId())).containsEntry("targetMet", true);
        assertThat(submit("manager1", secondReview, Map.of("reviewDecision", "CLOSE")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(actions.byNumber(number).getStatus()).isEqualTo(ImprovementAction.Status.CLOSED);
    }

    @Test
    void aBadStartFormCreatesNothing() throws Exception {
        long instances = runtime.createProcessInstanceQuery().processDefinitionKey(ImprovementVariables.PROCESS_KEY).count();
        Map<String, Object> f = startForm("backlog", 0, "3");
        f.remove("problem");
        f.put("rootCause", "WEATHER");
        f.put("deadline", today.minusDays(1).toString());
        f.put("ownerTeam", "camunda-admin");
        ResponseEntity<String> r = start("manager1", f);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody()).contains("problem", "rootCause", "deadline", "ownerTeam", "targetMetric", "targetDelta", "verificationCycles");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ImprovementVariables.PROCESS_KEY).count()).isEqualTo(instances);

        Map<String, Object> unknownAlert = startForm("csat", 5, "1");
        unknownAlert.put("alertNumber", "QA-NOPE");
        ResponseEntity<String> r2 = start("manager1", unknownAlert);
        assertThat(r2.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r2.getBody()).contains("alertNumber");
    }
}
