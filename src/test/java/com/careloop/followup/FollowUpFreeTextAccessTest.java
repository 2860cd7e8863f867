package com.careloop.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The free text of a follow-up (the customer's words in {@code survey.feedbackText}, the agent's {@code survey.notes})
 * in {@code GET /api/follow-ups/{number}} and {@code GET /api/follow-ups?customerExternalId=}: present for cs-managers,
 * cs-supervisors and the assignee of an open task of the customer; omitted for an agent without one — also for the
 * agent who made the call once the call is over. The rest of the follow-up stays readable to all of them.
 */
class FollowUpFreeTextAccessTest extends CareLoopTest {

    static final String WORDS = "送货员态度恶劣，我家住在幸福小区";
    static final String NOTES = "客户情绪激动，提到其女儿";

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void theFreeTextIsReadByManagersSupervisorsAndTheAssigneeOnly() throws Exception {
        Api agent1 = Api.as(rest, "agent1");
        String externalId = "FTA-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<Map<String, Object>> customer = agent1.post("/api/customers",
                Map.of("externalId", externalId, "name", "赵敏", "phone", "13700003333", "tier", "STANDARD"));
        assertThat(customer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long customerId = ((Number) customer.getBody().get("id")).longValue();
        Map<String, Object> started = agent1.post("/api/follow-ups", Map.of("customerId", customerId, "scenario", "NEW_PURCHASE")).getBody();
        String number = (String) started.get("number");
        String processInstanceId = (String) started.get("processInstanceId");
        String taskId = json.readTree(agent1.getRaw("/engine-rest/task?processInstanceId=" + processInstanceId
                + "&taskDefinitionKey=" + FollowUpService.CALL_TASK).getBody()).get(0).get("id").asText();
        assertThat(agent1.postRaw("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"agent1\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> call = new LinkedHashMap<>(CreatedFeedbackNumbersTest.reached(2, 3));
        call.put("feedbackType", Map.of("value", "COMPLAINT"));
        call.put("feedbackUrgency", Map.of("value", "NORMAL"));
        call.put("feedbackText", Map.of("value", WORDS));
        call.put("notes", Map.of("value", NOTES));
        ResponseEntity<String> submitted = agent1.postRaw("/engine-rest/task/" + taskId + "/submit-form",
                json.writeValueAsString(Map.of("variables", call)));
        assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        // the call is over: agent1 has no open task of the customer any more
        assertWithoutFreeText(read("agent1", number));
        assertWithoutFreeText(agent1.getList("/api/follow-ups?customerExternalId=" + externalId).getBody().get(0));
        assertWithoutFreeText(read("agent2", number));
        assertThat(read("agent1", number)).containsEntry("number", number).containsEntry("attemptCount", 1)
                .extractingByKey("survey").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("satisfaction", 2).containsEntry("feedbackType", "COMPLAINT");

        assertWithFreeText(read("manager1", number));
        assertWithFreeText(read("supervisor1", number));
        assertWithFreeText(Api.as(rest, "supervisor1").getList("/api/follow-ups?customerExternalId=" + externalId).getBody().get(0));

        // agent2 becomes the assignee of an open task of the customer (the complaint the call created): reads it
        @SuppressWarnings("unchecked")
        List<String> feedbackNumbers = (List<String>) read("manager1", number).get("feedbackNumbers");
        assertThat(feedbackNumbers).hasSize(1);
        new com.careloop.testsupport.Fixtures(engine, null, null).startFeedbackHandling(processInstanceId);
        Task complaintTask = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(feedbackNumbers.get(0))
                .active().list().get(0);
        engine.getTaskService().setAssignee(complaintTask.getId(), "agent2");
        assertWithFreeText(read("agent2", number));
        assertWithoutFreeText(read("agent1", number));
    }

    private Map<String, Object> read(String user, String number) {
        ResponseEntity<Map<String, Object>> r = Api.as(rest, user).get("/api/follow-ups/" + number);
        assertThat(r.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    @SuppressWarnings("unchecked")
    private static void assertWithFreeText(Map<String, Object> view) {
        Map<String, Object> survey = (Map<String, Object>) view.get("survey");
        assertThat(survey).containsEntry("feedbackText", WORDS).containsEntry("notes", NOTES);
    }

    @SuppressWarnings("unchecked")
    private static void assertWithoutFreeText(Map<String, Object> view) {
        Map<String, Object> survey = (Map<String, Object>) view.get("survey");
        assertThat(survey).isNotNull();
        assertThat(survey.get("feedbackText")).isNull();
        assertThat(survey.get("notes")).isNull();
        assertThat(view.toString()).doesNotContain(WORDS).doesNotContain(NOTES);
    }
}
