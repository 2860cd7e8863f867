package com.careloop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.feedback.FeedbackService;
import com.careloop.feedback.FeedbackType;
import com.careloop.feedback.InboundFeedbackRequest;
import com.careloop.feedback.Urgency;
import com.careloop.followup.FollowUpService;
import com.careloop.followup.Scenario;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 8: the shipped filters' list columns reach an agent's Tasklist rows. Tasklist asks for a filter's page as
 * {@code application/hal+json} and the engine embeds each task's {@code properties.variables} through a
 * variable-instance query as the user; an agent sees the follow-up calls through the definition grant (no row per
 * call), so the columns must come for those calls — and never for a task the agent cannot see.
 */
class TasklistColumnsTest extends CareLoopTest {

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired TaskService tasks;
    @Autowired FilterService filterService;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired FeedbackService feedback;

    final ObjectMapper json = new ObjectMapper();
    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(engine, customers, followUps);
    }

    ResponseEntity<String> post(String user, String path, String body, String accept) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, user);
        h.setContentType(MediaType.APPLICATION_JSON);
        h.set(HttpHeaders.ACCEPT, accept);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, h), String.class);
    }

    /** task id -> its embedded columns (name -> value), from a filter page as Tasklist asks for it. */
    Map<String, Map<String, String>> halPage(String user, String filter) throws Exception {
        String id = filterService.createFilterQuery().filterName(filter).singleResult().getId();
        ResponseEntity<String> r = post(user, "/engine-rest/filter/" + id + "/list?firstResult=0&maxResults=1000",
                "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}", "application/hal+json");
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (JsonNode t : json.readTree(r.getBody()).at("/_embedded/task")) {
            Map<String, String> columns = new HashMap<>();
            t.at("/_embedded/variable").forEach(v -> columns.put(v.get("name").asText(), v.get("value").asText()));
            rows.put(t.get("id").asText(), columns);
        }
        return rows;
    }

    String callTask(Scenario scenario) {
        return fx.task(fx.followUp(fx.customer(), scenario).processInstanceId(), TaskAccessPolicy.CALL_TASK).getId();
    }

    @Test
    void anAgentsUnclaimedCallsShowTheCustomerAsColumns() throws Exception {
        String call = callTask(Scenario.USAGE);
        Map<String, String> row = halPage("agent1", TasklistFiltersTest.UNCLAIMED).get(call);
        assertThat(row).as("the call is on agent1's page").isNotNull();
        assertThat(row.get("customerName")).isEqualTo(tasks.getVariableLocal(call, "customerName")).startsWith("测试客户 ");
        assertThat(row.get("customerPhoneMasked")).isEqualTo(com.careloop.customer.MaskedPhone.of(com.careloop.testsupport.Fixtures.LANDLINE));
        assertThat(row).containsKeys("scenarioLabel", "tierLabel");
    }

    @Test
    void aCallTheAgentClaimedKeepsItsColumns() throws Exception {
        String call = callTask(Scenario.POST_RESOLUTION);
        tasks.claim(call, "agent1");
        assertThat(halPage("agent1", TasklistFiltersTest.MY_CALLS).get(call)).containsKeys("customerName", "customerPhoneMasked");
    }

    @Test
    void theVariableQueryGivesAnAgentTheColumnsOfTheTasksItSeesAndNoneOfOthers() throws Exception {
        String call = callTask(Scenario.USAGE);
        var item = feedback.registerInbound(new InboundFeedbackRequest(fx.customer().id(), FeedbackType.PROBLEM, Urgency.NORMAL, "故障"), "center1");
        fx.verifyValid(item.processInstanceId());
        String techTask = fx.task(item.processInstanceId(), "Task_RespondToCustomer").getId();
        assertThat(tasks.getVariableLocal(techTask, "customerName")).as("the routed task has its columns").isNotNull();
        String query = "{\"variableScopeIdIn\":[\"" + call + "\",\"" + techTask + "\"],\"variableNameIn\":[\"customerName\",\"customerPhoneMasked\"]}";

        assertThat(scopes(post("agent1", "/engine-rest/variable-instance", query, "application/json")))
                .as("agent1 sees the call, not the aftersales-tech task").containsOnlyKeys(call);
        assertThat(scopes(post("tech1", "/engine-rest/variable-instance", query, "application/json")))
                .as("tech1 sees its team's task, not the follow-up call").containsOnlyKeys(techTask);
        assertThat(scopes(post("sales1", "/engine-rest/variable-instance", query, "application/json"))).as("sales1 sees neither").isEmpty();
    }

    /** variable scope (task id) -> how many of the asked variables came back. */
    Map<String, Integer> scopes(ResponseEntity<String> r) throws Exception {
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        Map<String, Integer> out = new HashMap<>();
        for (JsonNode v : json.readTree(r.getBody())) {
            String scope = v.hasNonNull("taskId") ? v.get("taskId").asText() : v.get("processInstanceId").asText();
            out.merge(scope, 1, Integer::sum);
        }
        return out;
    }
}
