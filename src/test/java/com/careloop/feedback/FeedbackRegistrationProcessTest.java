package com.careloop.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerView;
import com.careloop.followup.FollowUpService;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * bpmn/feedbackRegistration.bpmn, the Tasklist start form "登记反馈 Register feedback": cs-center registers through the
 * path of POST /api/feedback, sees the FB number on the receipt task, bad input is a form error that writes nothing,
 * personal fields never reach the process or its history, and only cs-center (and managers, admins) may start it.
 */
class FeedbackRegistrationProcessTest extends CareLoopTest {

    static final String KEY = "feedbackRegistration";

    @Autowired ProcessEngine engine;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired FeedbackService feedback;
    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();
    CustomerView customer;

    @BeforeEach
    void setUp() {
        customer = new Fixtures(engine, customers, followUps).customer();
    }

    Map<String, Object> form() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("customerExternalId", customer.externalId());
        f.put("channel", "WECHAT");
        f.put("contactName", "王女士");
        f.put("contactPhone", "13700001111");
        // a model of this test's own: batch-quality counting must not see other tests' items of one model and batch
        f.put("productModel", "KFR-35GW-" + UUID.randomUUID().toString().substring(0, 6));
        f.put("serialNumber", "AC2405-" + UUID.randomUUID().toString().substring(0, 8));
        f.put("feedbackType", "PROBLEM");
        f.put("description", "空调不制冷，外机有异响");
        return f;
    }

    ResponseEntity<String> start(String user, Map<String, Object> fields) throws Exception {
        Map<String, Object> variables = new HashMap<>();
        fields.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        return Api.as(rest, user).postRaw("/engine-rest/process-definition/key/" + KEY + "/submit-form",
                json.writeValueAsString(Map.of("variables", variables)));
    }

    long items() {
        return jdbc.queryForObject("select count(*) from feedback_item where customer_id = ?", Long.class, customer.id());
    }

    @Test
    void theServiceCentreRegistersAndSeesTheNumber() throws Exception {
        ResponseEntity<String> started = start("center1", form());
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
        String pi = json.readTree(started.getBody()).get("id").asText();
        Task receipt = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_FeedbackRegistered").singleResult();
        assertThat(receipt.getAssignee()).isEqualTo("center1");
        String number = (String) engine.getRuntimeService().getVariable(pi, RegisterFeedbackFromForm.FEEDBACK_NUMBER);
        assertThat(number).startsWith("FB");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey()).isEqualTo(number);
        assertThat((String) engine.getRuntimeService().getVariable(pi, RegisterFeedbackFromForm.SUMMARY))
                .contains(FeedbackType.PROBLEM.label()).contains(FeedbackChannel.WECHAT.label());

        FeedbackItem item = feedback.get(number);
        assertThat(item.getChannel()).isEqualTo(FeedbackChannel.WECHAT);
        assertThat(item.getContactPhone()).isEqualTo("13700001111");
        assertThat(item.getContactName()).isEqualTo("王女士");
        assertThat(item.getCustomerId()).isEqualTo(customer.id());
        assertThat(item.isUrgencySuggested()).as("no urgency given: the suggestion").isTrue();
        assertThat(item.getProcessInstanceId()).as("its handling started").isNotNull();
        assertThat(engine.getRuntimeService().getVariables(pi)).doesNotContainKeys("contactPhone", "contactName", "description",
                "customerExternalId", "serialNumber");

        ResponseEntity<Map<String, Object>> view = Api.as(rest, "center1").get("/api/feedback/" + number);
        assertThat(view.getBody()).containsEntry("channel", "WECHAT").containsEntry("contactPhoneMasked", "137****1111");

        assertThat(Api.as(rest, "center1").postRaw("/engine-rest/task/" + receipt.getId() + "/complete", "{}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi).count()).as("ended").isZero();
        for (HistoricDetail d : history.createHistoricDetailQuery().processInstanceId(pi).list()) {
            Object value = d instanceof HistoricVariableUpdate u ? u.getValue() : d instanceof HistoricFormField f ? f.getFieldValue() : null;
            assertThat(String.valueOf(value)).doesNotContain("13700001111").doesNotContain("王女士").doesNotContain("不制冷");
        }
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi)
                .variableNameIn("contactPhone", "contactName", "description").count()).isZero();
    }

    @Test
    void badInputIsAFormErrorAndWritesNothing() throws Exception {
        long before = items();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("channel", "FOLLOW_UP");
        bad.put("contactPhone", "call me");
        bad.put("feedbackType", "");
        bad.put("customerExternalId", "NO-SUCH-" + UUID.randomUUID());
        for (Map.Entry<String, String> b : bad.entrySet()) {
            Map<String, Object> f = form();
            f.put(b.getKey(), b.getValue());
            ResponseEntity<String> r = start("center1", f);
            assertThat(r.getStatusCode()).as(b.getKey() + "=" + b.getValue() + ": " + r.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.getBody()).as(b.getKey()).contains(b.getKey());
        }
        Map<String, Object> noWords = form();
        noWords.remove("description");
        assertThat(start("center1", noWords).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(items()).as("nothing written").isEqualTo(before);
    }

    @Test
    void onlyTheServiceCentreStartsIt() throws Exception {
        long before = items();
        for (String user : new String[] {"agent1", "tech1", "sales1"}) {
            assertThat(start(user, form()).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(items()).isEqualTo(before);
        ResponseEntity<String> startable = Api.as(rest, "center1").getRaw("/engine-rest/process-definition?latestVersion=true&active=true"
                + "&startableInTasklist=true&startablePermissionCheck=true&notStartableInTasklist=false&maxResults=100");
        JsonNode list = json.readTree(startable.getBody());
        assertThat(list.findValuesAsText("key")).contains(KEY);
    }
}
