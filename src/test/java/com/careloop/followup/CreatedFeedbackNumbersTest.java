package com.careloop.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Comment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 8, "a call that created feedback items leaves their numbers as a task comment the agent sees": agent1, over
 * REST as Tasklist does it, opens a call, submits it with two issues and — in the answer to the very next request,
 * GET /api/follow-ups/{number}, which Tasklist's careloop/call-notice.js makes after the submit — finds the two new
 * feedback numbers. The same numbers are one comment on the call task (GET /engine-rest/task/{id}/comment, Tasklist's
 * History tab) and on the follow-up's process instance, written by agent1, and the completed task's history is intact.
 */
class CreatedFeedbackNumbersTest extends CareLoopTest {

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void theAgentReadsTheNumbersOfTheItemsACallCreatedRightAfterSubmittingIt() throws Exception {
        Api agent = Api.as(rest, "agent1");
        String externalId = "CFN-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<Map<String, Object>> customer = agent.post("/api/customers",
                Map.of("externalId", externalId, "name", "陈静", "phone", "13700001111", "tier", "STANDARD"));
        assertThat(customer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map<String, Object>> started = agent.post("/api/follow-ups",
                Map.of("customerId", customer.getBody().get("id"), "scenario", "NEW_PURCHASE"));
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.CREATED);
        String number = (String) started.getBody().get("number");
        String processInstanceId = (String) started.getBody().get("processInstanceId");

        // Tasklist: the task list, claim, the form's variables (the notice learns the follow-up's number from them)
        JsonNode tasks = json.readTree(agent.getRaw("/engine-rest/task?processInstanceId=" + processInstanceId
                + "&taskDefinitionKey=" + FollowUpService.CALL_TASK).getBody());
        assertThat(tasks).hasSize(1);
        String taskId = tasks.get(0).get("id").asText();
        assertThat(agent.postRaw("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"agent1\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode formVariables = json.readTree(agent.getRaw("/engine-rest/task/" + taskId + "/form-variables").getBody());
        assertThat(formVariables.at("/followUpNumber/value").asText()).isEqualTo(number);
        assertThat(agent.get("/api/follow-ups/" + number).getBody()).containsEntry("attemptCount", 0);

        ResponseEntity<String> submitted = agent.postRaw("/engine-rest/task/" + taskId + "/submit-form",
                json.writeValueAsString(Map.of("variables", twoIssues())));
        assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        // the very next request of the notice already finds the items: they are created in the submit's transaction
        Map<String, Object> view = agent.get("/api/follow-ups/" + number).getBody();
        assertThat(view).containsEntry("attemptCount", 1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> attempts = (List<Map<String, Object>>) view.get("attempts");
        assertThat(attempts.get(attempts.size() - 1)).containsEntry("outcome", "REACHED").containsEntry("agent", "agent1");
        @SuppressWarnings("unchecked")
        List<String> numbers = (List<String>) view.get("feedbackNumbers");
        assertThat(numbers).as("one item per issue").hasSize(2).doesNotHaveDuplicates();
        List<String> types = new ArrayList<>();
        for (String n : numbers) {
            types.add((String) agent.get("/api/feedback/" + n).getBody().get("type"));
        }
        assertThat(types).containsExactlyInAnyOrder("COMPLAINT", "SUGGESTION");

        // the task comment, as Tasklist's History tab asks for it (for those who may read the call's history)
        JsonNode comments = json.readTree(Api.as(rest, "supervisor1").getRaw("/engine-rest/task/" + taskId + "/comment").getBody());
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).get("taskId").asText()).isEqualTo(taskId);
        assertThat(comments.get(0).get("userId").asText()).as("written in the agent's name").isEqualTo("agent1");
        assertThat(comments.get(0).get("message").asText()).startsWith("已创建反馈单 Feedback created: ")
                .contains(numbers.get(0)).contains(numbers.get(1));
        List<Comment> ofInstance = engine.getTaskService().getProcessInstanceComments(processInstanceId);
        assertThat(ofInstance).extracting(Comment::getId).containsExactly(comments.get(0).get("id").asText());

        // commenting the task in its own completion leaves the task's history as a completion
        HistoricTaskInstance done = engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        assertThat(done.getEndTime()).isNotNull();
        assertThat(done.getDeleteReason()).isEqualTo("completed");
        assertThat(done.getAssignee()).isEqualTo("agent1");
        assertThat(engine.getRuntimeService().getVariables(processInstanceId)).doesNotContainKey(CompletedCallTask.VARIABLE);
    }

    @Test
    void aCallWithoutFeedbackLeavesNoComment() throws Exception {
        Api agent = Api.as(rest, "agent1");
        ResponseEntity<Map<String, Object>> customer = agent.post("/api/customers", Map.of("externalId",
                "CFN-" + UUID.randomUUID().toString().substring(0, 8), "name", "刘洋", "phone", "13700002222", "tier", "STANDARD"));
        Map<String, Object> started = agent.post("/api/follow-ups", Map.of("customerId", customer.getBody().get("id"), "scenario", "NEW_PURCHASE")).getBody();
        String processInstanceId = (String) started.get("processInstanceId");
        String taskId = json.readTree(agent.getRaw("/engine-rest/task?processInstanceId=" + processInstanceId).getBody()).get(0).get("id").asText();
        agent.postRaw("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"agent1\"}");
        Map<String, Object> happy = new LinkedHashMap<>(reached(5, 10));
        assertThat(agent.postRaw("/engine-rest/task/" + taskId + "/submit-form", json.writeValueAsString(Map.of("variables", happy)))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(agent.get("/api/follow-ups/" + started.get("number")).getBody().get("feedbackNumbers")).isEqualTo(List.of());
        assertThat(engine.getTaskService().getTaskComments(taskId)).isEmpty();
        assertThat(engine.getTaskService().getProcessInstanceComments(processInstanceId)).isEmpty();
    }

    /** The call form as Tasklist submits it: reached, a complaint (issue 1) and a suggestion (issue 2). */
    static Map<String, Object> twoIssues() {
        Map<String, Object> v = new LinkedHashMap<>(reached(2, 3));
        v.put("feedbackType", Map.of("value", "COMPLAINT"));
        v.put("feedbackUrgency", Map.of("value", "URGENT"));
        v.put("feedbackText", Map.of("value", "送货员态度恶劣"));
        v.put("issue2Type", Map.of("value", "SUGGESTION"));
        v.put("issue2Urgency", Map.of("value", "LOW"));
        v.put("issue2Text", Map.of("value", "希望能选择送货时段"));
        return v;
    }

    static Map<String, Object> reached(int satisfaction, int nps) {
        return Map.of("callOutcome", Map.of("value", "REACHED"), "satisfaction", Map.of("value", satisfaction, "type", "Long"),
                "nps", Map.of("value", nps, "type", "Long"));
    }
}
