package com.careloop.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.followup.FollowUpService;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * bpmn/feedbackAction.bpmn, the Tasklist start form "反馈处理动作 Feedback action": progress, pause and resume through
 * the same service and checks as the REST endpoints, each refusal a form error naming the field, nothing written.
 */
class FeedbackActionProcessTest extends CareLoopTest {

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired HistoryService history;
    @Autowired JdbcTemplate jdbc;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired FeedbackService feedback;

    final ObjectMapper json = new ObjectMapper();
    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(engine, customers, followUps);
    }

    FeedbackRef problem() {
        FeedbackRef item = feedback.registerInbound(new InboundFeedbackRequest(fx.customer().id(), FeedbackType.PROBLEM, Urgency.LOW,
                "空调外机噪音大"), "center1");
        fx.verifyValid(item.processInstanceId());
        return item;
    }

    ResponseEntity<String> start(String user, Object... keyValues) throws Exception {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            variables.put((String) keyValues[i], Map.of("value", keyValues[i + 1]));
        }
        return Api.as(rest, user).postRaw("/engine-rest/process-definition/key/feedbackAction/submit-form",
                json.writeValueAsString(Map.of("variables", variables)));
    }

    List<String> progress(FeedbackRef item) {
        return jdbc.queryForList("select kind || ' ' || coalesce(note, '') from feedback_progress where feedback_item_id = ? order by id",
                String.class, item.id());
    }

    String rows(FeedbackRef item) {
        return jdbc.queryForObject("select t::text from feedback_item t where id = ?", String.class, item.id()) + progress(item).size()
                + history.createHistoricProcessInstanceQuery().processDefinitionKey("feedbackAction").count();
    }

    List<String> startable(String user) throws Exception {
        ResponseEntity<String> r = Api.as(rest, user).getRaw(
                "/engine-rest/process-definition?latestVersion=true&active=true&startableInTasklist=true&startablePermissionCheck=true"
                        + "&notStartableInTasklist=false&maxResults=100");
        List<String> keys = new ArrayList<>();
        for (JsonNode d : json.readTree(r.getBody())) {
            keys.add(d.get("key").asText());
        }
        return keys;
    }

    @Test
    void aHandlerRecordsProgressPausesAndResumesFromTasklist() throws Exception {
        assertThat(startable("tech1")).contains("feedbackAction");
        assertThat(startable("center1")).contains("feedbackAction");
        FeedbackRef item = problem();

        ResponseEntity<String> contacted = start("tech1", "feedbackNumber", item.number(), "action", "PROGRESS",
                "progressKind", "CONTACTED", "note", "已电话联系，约周三上门");
        assertThat(contacted.getStatusCode()).as(contacted.getBody()).isEqualTo(HttpStatus.OK);
        String pi = json.readTree(contacted.getBody()).get("id").asText();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi).activityId("EndEvent_FeedbackActionDone").count())
                .isOne();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey()).isEqualTo(item.number());
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName("note").count()).as("the note stays in the log").isZero();
        assertThat(progress(item)).anyMatch(p -> p.startsWith("CONTACTED") && p.contains("约周三上门"));

        assertThat(start("tech1", "feedbackNumber", item.number(), "action", "PAUSE", "reason", "WAITING_FOR_PARTS").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(feedback.get(item.id()).isPausedNow()).isTrue();
        assertThat(start("tech1", "feedbackNumber", item.number(), "action", "RESUME").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(feedback.get(item.id()).isPausedNow()).isFalse();
        assertThat(progress(item)).anyMatch(p -> p.startsWith("PAUSED")).anyMatch(p -> p.startsWith("RESUMED"));
    }

    @Test
    void refusalsAreFormErrorsAndWriteNothing() throws Exception {
        FeedbackRef item = problem();
        String before = rows(item);
        ResponseEntity<String> unknown = start("tech1", "feedbackNumber", "FB000000000000", "action", "PROGRESS", "progressKind", "CONTACTED");
        ResponseEntity<String> outsider = start("center1", "feedbackNumber", item.number(), "action", "PAUSE", "reason", "WAITING_FOR_PARTS");
        ResponseEntity<String> noReason = start("tech1", "feedbackNumber", item.number(), "action", "PAUSE");
        ResponseEntity<String> badReason = start("tech1", "feedbackNumber", item.number(), "action", "PAUSE", "reason", "LUNCH");
        ResponseEntity<String> notPaused = start("tech1", "feedbackNumber", item.number(), "action", "RESUME");
        ResponseEntity<String> systemKind = start("tech1", "feedbackNumber", item.number(), "action", "PROGRESS", "progressKind", "CLOSED");
        ResponseEntity<String> noAction = start("tech1", "feedbackNumber", item.number());
        for (var r : List.of(unknown, outsider, noReason, badReason, notPaused, systemKind, noAction)) {
            assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        }
        assertThat(unknown.getBody()).contains("feedbackNumber");
        assertThat(outsider.getBody()).contains("feedbackNumber").contains("may not work");
        assertThat(noReason.getBody()).contains("reason");
        assertThat(badReason.getBody()).contains("reason");
        assertThat(notPaused.getBody()).contains("action").contains("not paused");
        assertThat(systemKind.getBody()).contains("progressKind");
        assertThat(noAction.getBody()).contains("action");
        assertThat(rows(item)).isEqualTo(before);
        assertThat(startable("agent1")).doesNotContain("feedbackAction");
    }
}
