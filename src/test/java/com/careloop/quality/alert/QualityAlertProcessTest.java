package com.careloop.quality.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.notification.Delivery;
import com.careloop.notification.DeliveryLog;
import com.careloop.notification.NotificationWorker;
import com.careloop.quality.WithStubbedKpis;
import com.careloop.quality.improvement.ImprovementActions;
import com.careloop.testsupport.Api;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * bpmn/qualityWatch.bpmn and bpmn/qualityAlert.bpmn with the shipped rules of bpmn/qualityAlerts.dmn: a breach raises
 * exactly one alert and one task, a repeated breach none, a recovery closes the alert by message, the handler closes it
 * or opens an improvement action from it; the notification goes out through the notification worker.
 */
class QualityAlertProcessTest extends WithStubbedKpis {

    static final String AGENT = "agent2";

    @Autowired TestRestTemplate rest;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired QualityAlerts alerts;
    @Autowired ImprovementActions improvements;
    @Autowired NotificationWorker notifications;
    @Autowired DeliveryLog deliveries;
    @Autowired com.careloop.quality.QualityWatch watch;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void everythingHealthy() {
        stubKpis();
        healthy();
        runWatch(); // closes whatever an earlier test left open
    }

    void healthy() {
        totals = from -> values(100, 92.0, 40.0, 3);
        teams.clear();
        teams.put("cs-center", values(0, null, null, 2));
        agents.clear();
        agents.put(AGENT, values(20, 95.0, 60.0, 0));
    }

    void runWatch() {
        Job timer = management.createJobQuery().processDefinitionKey(QualityAlerts.WATCH_PROCESS).timers().singleResult();
        assertThat(timer).as("the timer of qualityWatch").isNotNull();
        management.executeJob(timer.getId());
    }

    List<Task> alertTasks(String ruleId, String scope) {
        return tasks.createTaskQuery().processDefinitionKey(QualityAlerts.ALERT_PROCESS).taskDefinitionKey(QualityAlerts.TASK_HANDLE)
                .processVariableValueEquals(AlertVariables.RULE_ID, ruleId).processVariableValueEquals(AlertVariables.SCOPE, scope).list();
    }

    List<QualityAlert> openAlerts(String ruleId, String scope) {
        return alerts.open().stream().filter(a -> a.getRuleId().equals(ruleId) && a.getScopeKey().equals(scope)).toList();
    }

    ResponseEntity<String> submit(String user, Task task, Map<String, Object> fields) throws Exception {
        if (tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee() == null) {
            assertThat(Api.as(rest, user).postRaw("/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"" + user + "\"}").getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
        }
        Map<String, Object> variables = new HashMap<>();
        fields.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        return Api.as(rest, user).postRaw("/engine-rest/task/" + task.getId() + "/submit-form", json.writeValueAsString(Map.of("variables", variables)));
    }

    long passed(String processInstanceId, String activityId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).activityId(activityId).finished().count();
    }

    @Test
    void aBreachRaisesExactlyOneAlertAndARepeatedBreachNone() {
        totals = from -> values(25, 72.5, 10.0, 3); // CSAT below 80 with 25 answers; too few answers for the NPS rule
        runWatch();

        assertThat(alertTasks("CSAT_7D", "all")).singleElement().satisfies(task -> {
            assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId).contains("cs-managers");
            Map<String, Object> vars = tasks.getVariables(task.getId());
            assertThat(vars).containsEntry("metric", "csat").containsEntry("value", 72.5).containsEntry("threshold", 80.0)
                    .containsEntry("windowDays", 7).containsEntry("scope", "all").containsEntry("comparison", "<");
        });
        assertThat(openAlerts("CSAT_7D", "all")).singleElement().satisfies(a -> {
            assertThat(a.getMeasuredValue()).isEqualTo(72.5);
            assertThat(a.getSample()).isEqualTo(25L);
            assertThat(a.getNumber()).startsWith("QA").isEqualTo(runtime.createProcessInstanceQuery()
                    .processInstanceId(a.getProcessInstanceId()).singleResult().getBusinessKey());
        });
        assertThat(alertTasks("NPS_30D", "all")).as("NPS: fewer answers than the rule's minimum").isEmpty();

        QualityAlert alert = openAlerts("CSAT_7D", "all").get(0);
        assertThat(notifications.runOnce(alert.getNumber())).isEqualTo(1);
        List<Delivery> sent = deliveries.byReference(alert.getNumber());
        assertThat(sent).isNotEmpty().allSatisfy(d -> assertThat(d.type()).isEqualTo("QUALITY_ALERT"));
        assertThat(sent).extracting(Delivery::recipient).contains("manager1@careloop.local");
        assertThat(passed(alert.getProcessInstanceId(), "EndEvent_AlertNotified")).isEqualTo(1);

        totals = from -> values(30, 70.0, 10.0, 3);
        runWatch();
        runWatch();
        assertThat(alertTasks("CSAT_7D", "all")).as("still breached: no second alert").hasSize(1);
        assertThat(openAlerts("CSAT_7D", "all")).hasSize(1);
    }

    @Test
    void aRecoveredMetricClosesItsAlertByMessage() {
        teams.put("cs-center", values(0, null, null, 12));
        runWatch();
        Task task = alertTasks("BACKLOG_TEAM", "team:cs-center").get(0);
        assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId).contains("cs-supervisors");
        String instance = task.getProcessInstanceId();

        teams.put("cs-center", values(0, null, null, 4));
        runWatch();
        assertThat(alertTasks("BACKLOG_TEAM", "team:cs-center")).isEmpty();
        assertThat(passed(instance, "Event_MetricRecovered")).isEqualTo(1);
        assertThat(passed(instance, "EndEvent_AlertRecovered")).isEqualTo(1);
        QualityAlert closed = alerts.list(QualityAlert.Status.CLOSED).stream().filter(a -> instance.equals(a.getProcessInstanceId())).findFirst().orElseThrow();
        assertThat(closed.getCloseReason()).isEqualTo(QualityAlert.CloseReason.RECOVERED);
        assertThat(closed.getRecoveredAt()).isNotNull();
    }

    @Test
    void aTeamThatDropsOutOfTheBacklogHasRecovered() {
        teams.put("product", values(0, null, null, 15));
        runWatch();
        assertThat(alertTasks("BACKLOG_TEAM", "team:product")).hasSize(1);
        teams.remove("product"); // no open item left: the team is not in the report any more
        runWatch();
        assertThat(alertTasks("BACKLOG_TEAM", "team:product")).isEmpty();
        assertThat(openAlerts("BACKLOG_TEAM", "team:product")).isEmpty();
    }

    @Test
    void theHandlerClosesTheAlertAndNoNewOneComesUntilTheMetricRecovered() throws Exception {
        teams.put("cs-center", values(0, null, null, 11));
        runWatch();
        Task task = alertTasks("BACKLOG_TEAM", "team:cs-center").get(0);
        String instance = task.getProcessInstanceId();

        ResponseEntity<String> bad = submit("supervisor1", task, Map.of("alertDecision", "MAYBE"));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("alertDecision");
        assertThat(openAlerts("BACKLOG_TEAM", "team:cs-center")).hasSize(1);

        ResponseEntity<String> ok = submit("supervisor1", task, Map.of("alertDecision", "CLOSE", "notes", "已增派人手 more staff on it"));
        assertThat(ok.getStatusCode()).as(ok.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(passed(instance, "EndEvent_AlertClosed")).isEqualTo(1);
        QualityAlert closed = alerts.list(QualityAlert.Status.CLOSED).stream().filter(a -> instance.equals(a.getProcessInstanceId())).findFirst().orElseThrow();
        assertThat(closed.getCloseReason()).isEqualTo(QualityAlert.CloseReason.HANDLED);
        assertThat(closed.getClosedBy()).isEqualTo("supervisor1");
        assertThat(closed.getHandlerNotes()).contains("more staff");
        assertThat(runtime.getVariables(instance)).doesNotContainKey("notes");

        runWatch();
        assertThat(alertTasks("BACKLOG_TEAM", "team:cs-center")).as("taken on by a supervisor: no new task each cycle").isEmpty();

        teams.put("cs-center", values(0, null, null, 5));
        runWatch();
        teams.put("cs-center", values(0, null, null, 14));
        runWatch();
        assertThat(alertTasks("BACKLOG_TEAM", "team:cs-center")).as("breached again after recovering").hasSize(1);
    }

    @Test
    void theHandlerOpensAnImprovementActionFromTheAlert() throws Exception {
        agents.put(AGENT, values(12, 61.5, 0.0, 0));
        runWatch();
        Task task = alertTasks("AGENT_CSAT_30D", "agent:" + AGENT).get(0);
        String instance = task.getProcessInstanceId();
        String number = runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey();

        Map<String, Object> fields = new HashMap<>(Map.of("alertDecision", "IMPROVE", "problem", "客服 agent2 满意度偏低",
                "rootCause", "PEOPLE", "measure", "话术培训 coaching", "ownerTeam", "cs-supervisors",
                "deadline", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(7).toString(), "targetMetric", "csat",
                "targetDelta", 8, "verificationCycles", "1"));
        fields.put("targetMetric", "backlog");
        ResponseEntity<String> bad = submit("supervisor1", task, fields);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("targetMetric");

        fields.put("targetMetric", "csat");
        ResponseEntity<String> ok = submit("supervisor1", task, fields);
        assertThat(ok.getStatusCode()).as(ok.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(passed(instance, "EndEvent_ImprovementStarted")).isEqualTo(1);
        QualityAlert closed = alerts.byNumber(number);
        assertThat(closed.getCloseReason()).isEqualTo(QualityAlert.CloseReason.IMPROVEMENT);

        String improvementNumber = (String) history.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("improvementNumber").singleResult().getValue();
        assertThat(improvements.byNumber(improvementNumber).getAlertId()).isEqualTo(closed.getId());
        assertThat(improvements.byNumber(improvementNumber).getStartedBy()).isEqualTo("supervisor1");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(improvementNumber).taskDefinitionKey("Task_CarryOutImprovement").count())
                .isEqualTo(1);
    }

    @Test
    void theWatchAlsoRunsAtOnceAfterTheApplicationStarted() {
        totals = from -> values(45, 88.0, -5.0, 3); // NPS below 0 with 45 answers
        watch.runNow();
        assertThat(alertTasks("NPS_30D", "all")).singleElement()
                .satisfies(t -> assertThat(tasks.getVariables(t.getId())).containsEntry("value", -5.0).containsEntry("windowDays", 30));
        assertThat(history.createHistoricActivityInstanceQuery().activityId("StartEvent_WatchNow").count()).isPositive();
    }

    @Test
    void alertsAreListedByStatus() {
        totals = from -> values(40, 60.0, -12.0, 3); // CSAT and NPS both breached
        runWatch();
        var open = Api.as(rest, "manager1").getList("/api/alerts?status=OPEN");
        assertThat(open.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(open.getBody()).extracting(m -> m.get("ruleId")).contains("CSAT_7D", "NPS_30D");
        assertThat(open.getBody()).allSatisfy(m -> assertThat(m.get("status")).isEqualTo("OPEN"));
        assertThat(open.getBody()).filteredOn(m -> "NPS_30D".equals(m.get("ruleId"))).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("value", -12.0).containsEntry("threshold", 0.0).containsEntry("windowDays", 30));

        healthy();
        runWatch();
        var closed = Api.as(rest, "supervisor1").getList("/api/alerts?status=CLOSED");
        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(closed.getBody()).extracting(m -> m.get("ruleId")).contains("CSAT_7D", "NPS_30D");
        assertThat(closed.getBody()).allSatisfy(m -> assertThat(m.get("status")).isEqualTo("CLOSED"));

        ResponseEntity<Map<String, Object>> badStatus = Api.as(rest, "manager1").get("/api/alerts?status=SOMETIMES");
        assertThat(badStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badStatus.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(badStatus.getBody().toString()).contains("status");

        assertThat(Api.as(rest, "agent1").getRaw("/api/alerts").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
