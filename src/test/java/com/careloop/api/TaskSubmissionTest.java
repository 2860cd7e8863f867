package com.careloop.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.feedback.FeedbackRef;
import com.careloop.feedback.FeedbackService;
import com.careloop.feedback.FeedbackType;
import com.careloop.feedback.InboundFeedbackRequest;
import com.careloop.feedback.Urgency;
import com.careloop.followup.FollowUpQueries;
import com.careloop.followup.FollowUpView;
import com.careloop.followup.FollowUpService;
import com.careloop.followup.FollowUpStatus;
import com.careloop.followup.Scenario;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Webapp;
import com.careloop.testsupport.Fixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 11.1: a task submission carries only the fields its Camunda Form declares, and the delegates find
 * their case by the business key — agent1's own call cannot close another customer's follow-up, sales1's
 * sales lead cannot answer a supervisors' complaint.
 */
class TaskSubmissionTest extends CareLoopTest {

    @Autowired TestRestTemplate rest;
    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired FeedbackService feedback;
    @Autowired JdbcTemplate jdbc;
    @Autowired FollowUpQueries followUpQueries;

    final ObjectMapper json = new ObjectMapper();
    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(engine, customers, followUps);
    }

    @Test
    void agentCannotCloseAnotherFollowUpThroughItsOwnCall() throws Exception {
        FollowUpView own = fx.followUp(fx.customer(), Scenario.USAGE);
        FollowUpView other = fx.followUp(fx.customer(), Scenario.USAGE);
        Task task = fx.task(own.processInstanceId(), "Task_CallCustomer");
        String attack = json.writeValueAsString(Map.of("variables", Map.of(
                "callOutcome", Map.of("value", "WRONG_NUMBER"),
                "followUpId", Map.of("value", other.id(), "type", "Long"))));

        for (String action : new String[] {"submit-form", "complete"}) {
            ResponseEntity<String> r = Api.as(rest, "agent1").postRaw("/engine-rest/task/" + task.getId() + "/" + action, attack);
            assertThat(r.getStatusCode()).as(action).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.getBody()).contains("followUpId").doesNotContain("callOutcome");
        }
        ResponseEntity<String> viaVariables = Api.as(rest, "agent1").postRaw("/engine-rest/task/" + task.getId() + "/variables",
                json.writeValueAsString(Map.of("modifications", Map.of("followUpId", Map.of("value", other.id(), "type", "Long")))));
        assertThat(viaVariables.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        assertUntouched(own, other, task);
    }

    @Test
    void tasklistPathRefusesUndeclaredFieldsToo() throws Exception {
        FollowUpView own = fx.followUp(fx.customer(), Scenario.USAGE);
        FollowUpView other = fx.followUp(fx.customer(), Scenario.USAGE);
        Task task = fx.task(own.processInstanceId(), "Task_CallCustomer");
        engine.getTaskService().claim(task.getId(), "agent1");
        Webapp tasklist = Webapp.login(port, "agent1");
        HttpResponse<String> r = tasklist.post("/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form",
                json.writeValueAsString(Map.of("variables", Map.of(
                        "callOutcome", Map.of("value", "WRONG_NUMBER"),
                        "followUpId", Map.of("value", other.id(), "type", "Long")))));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("followUpId");
        assertUntouched(own, other, task);

        HttpResponse<String> declaredOnly = tasklist.post("/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form",
                json.writeValueAsString(Map.of("variables", Map.of("callOutcome", Map.of("value", "WRONG_NUMBER")))));
        assertThat(declaredOnly.statusCode()).as(declaredOnly.body()).isEqualTo(204);
        assertThat(followUps.get(own.id()).status()).isNotEqualTo(FollowUpStatus.OPEN);
        assertThat(customers.get(own.customerId()).contactInvalid()).isTrue();
        assertThat(followUps.get(other.id()).status()).isEqualTo(FollowUpStatus.OPEN);
    }

    @Test
    void delegatesFindTheirCaseByBusinessKeyNotByVariables() {
        // a caller that gets a variable past the form check (Java API, an admin's variable edit) still cannot redirect the call
        FollowUpView own = fx.followUp(fx.customer(), Scenario.USAGE);
        FollowUpView other = fx.followUp(fx.customer(), Scenario.USAGE);
        fx.complete(fx.task(own.processInstanceId(), "Task_CallCustomer"), "callOutcome", "WRONG_NUMBER", "followUpId", other.id());

        assertThat(followUps.get(other.id()).status()).isEqualTo(FollowUpStatus.OPEN);
        assertThat(customers.get(other.customerId()).contactInvalid()).isFalse();
        assertThat(followUpQueries.byId(other.id()).attempts()).isEmpty();
        assertThat(followUps.get(own.id()).status()).isNotEqualTo(FollowUpStatus.OPEN);
        assertThat(customers.get(own.customerId()).contactInvalid()).isTrue();
    }

    @Test
    void salesCannotRespondToAComplaintThroughItsOwnLead() throws Exception {
        FeedbackRef lead = feedback.registerInbound(
                new InboundFeedbackRequest(fx.customer().id(), FeedbackType.SALES_LEAD, Urgency.NORMAL, "想买新款"), "center1");
        FeedbackRef complaint = feedback.registerInbound(
                new InboundFeedbackRequest(fx.customer().id(), FeedbackType.COMPLAINT, Urgency.NORMAL, "投诉"), "center1");
        fx.verifyValid(lead.processInstanceId());
        fx.verifyValid(complaint.processInstanceId());
        int complaintLog = progressEntries(complaint.id());
        Task task = fx.task(lead.processInstanceId(), "Task_RespondToCustomer");
        String attack = json.writeValueAsString(Map.of("variables", Map.of(
                "contactMade", Map.of("value", true),
                "responsePlan", Map.of("value", "已处理"),
                "resolvedOnFirstContact", Map.of("value", true),
                "feedbackItemId", Map.of("value", complaint.id(), "type", "Long"))));

        ResponseEntity<String> r = Api.as(rest, "sales1").postRaw("/engine-rest/task/" + task.getId() + "/submit-form", attack);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody()).contains("feedbackItemId");
        FeedbackRef after = feedback.ref(complaint.id());
        assertThat(after.respondedAt()).isNull();
        assertThat(after.resolvedAt()).isNull();
        assertThat(progressEntries(complaint.id())).isEqualTo(complaintLog);
        assertThat(fx.task(lead.processInstanceId(), "Task_RespondToCustomer").getId()).isEqualTo(task.getId());

        // bypassing the form check, the delegate still records on the lead, not on the complaint
        fx.complete(task, "contactMade", true, "responsePlan", "已联系", "resolvedOnFirstContact", false, "feedbackItemId", complaint.id());
        assertThat(feedback.ref(complaint.id()).respondedAt()).isNull();
        assertThat(feedback.ref(lead.id()).respondedAt()).isNotNull();
    }

    private int progressEntries(long feedbackItemId) {
        return jdbc.queryForObject("select count(*) from feedback_progress where feedback_item_id = ?", Integer.class, feedbackItemId);
    }

    private void assertUntouched(FollowUpView own, FollowUpView other, Task task) {
        assertThat(followUps.get(other.id()).status()).isEqualTo(FollowUpStatus.OPEN);
        assertThat(customers.get(other.customerId()).contactInvalid()).isFalse();
        assertThat(customers.get(own.customerId()).contactInvalid()).isFalse();
        assertThat(followUpQueries.byId(own.id()).attempts()).isEmpty();
        assertThat(fx.task(own.processInstanceId(), "Task_CallCustomer").getId()).isEqualTo(task.getId());
        assertThat(engine.getRuntimeService().getVariable(own.processInstanceId(), "followUpId")).isEqualTo(own.id());
    }
}
