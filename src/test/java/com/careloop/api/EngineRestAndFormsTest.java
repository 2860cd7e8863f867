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
import com.careloop.followup.Scenario;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Camunda's REST API as Tasklist and clients use it: authentication required, a user sees only the tasks of
 * their groups, every user task serves its Camunda Form, and submit-form is validated on the server.
 */
class EngineRestAndFormsTest extends CareLoopTest {

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired FeedbackService feedback;
    @Autowired FollowUpQueries followUpQueries;

    final ObjectMapper json = new ObjectMapper();
    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(engine, customers, followUps);
    }

    @Test
    void engineRestRequiresAuthentication() {
        assertThat(Api.anonymous(rest).getRaw("/engine-rest/task").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(Api.as(rest, "agent1").getRaw("/engine-rest/task").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void usersSeeOnlyTheTasksOfTheirGroups() throws Exception {
        FollowUpView f = fx.followUp(fx.customer(), Scenario.USAGE);
        FeedbackRef complaint = feedback.registerInbound(
                new InboundFeedbackRequest(fx.customer().id(), FeedbackType.COMPLAINT, Urgency.NORMAL, "投诉"), "center1");
        fx.verifyValid(complaint.processInstanceId());
        String callTask = fx.task(f.processInstanceId(), "Task_CallCustomer").getId();
        String complaintTask = fx.task(complaint.processInstanceId(), "Task_RespondToCustomer").getId();

        String callPi = "/engine-rest/task?processInstanceId=" + f.processInstanceId();
        String complaintPi = "/engine-rest/task?processInstanceId=" + complaint.processInstanceId();
        assertThat(json.readTree(Api.as(rest, "agent1").getRaw(callPi).getBody()).findValuesAsText("id")).containsExactly(callTask);
        assertThat(json.readTree(Api.as(rest, "agent1").getRaw(complaintPi).getBody()).findValuesAsText("id")).isEmpty();
        assertThat(json.readTree(Api.as(rest, "supervisor1").getRaw(complaintPi).getBody()).findValuesAsText("id")).containsExactly(complaintTask);
        // supervisors see their team's calls (to reassign them); sales sees neither
        assertThat(json.readTree(Api.as(rest, "supervisor1").getRaw(callPi).getBody()).findValuesAsText("id")).containsExactly(callTask);
        assertThat(json.readTree(Api.as(rest, "sales1").getRaw(callPi).getBody()).findValuesAsText("id")).isEmpty();
        assertThat(json.readTree(Api.as(rest, "sales1").getRaw(complaintPi).getBody()).findValuesAsText("id")).isEmpty();
        assertThat(Api.as(rest, "agent1").getRaw("/engine-rest/task/" + complaintTask).getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    }

    @Test
    void managersGetCockpitAgentsDoNot() {
        var auth = engine.getAuthorizationService();
        java.util.function.BiFunction<String, String, Boolean> may = (user, app) -> auth.isUserAuthorized(user,
                engine.getIdentityService().createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList(),
                org.camunda.bpm.engine.authorization.Permissions.ACCESS, org.camunda.bpm.engine.authorization.Resources.APPLICATION, app);
        assertThat(may.apply("manager1", "cockpit")).isTrue();
        assertThat(may.apply("agent1", "cockpit")).isFalse();
        assertThat(may.apply("agent1", "tasklist")).isTrue();
        assertThat(may.apply("agent1", "admin")).isFalse();
        assertThat(engine.getFilterService().createFilterQuery().list()).extracting(f -> f.getName())
                .contains("我的任务 My tasks", "待认领回访 Unclaimed calls", "今日到期 Due today", "已超期 Overdue", "本组反馈 My team's feedback");
    }

    @Test
    void everyUserTaskServesItsDeployedForm() throws Exception {
        FollowUpView f = fx.followUp(fx.customer(), Scenario.USAGE);
        assertForm(fx.task(f.processInstanceId(), "Task_CallCustomer"), "agent1", "callCustomer", "callOutcome", "satisfaction", "nps");

        FeedbackRef item = feedback.registerInbound(
                new InboundFeedbackRequest(fx.customer().id(), FeedbackType.COMPLAINT, Urgency.NORMAL, "投诉"), "center1");
        String pi = item.processInstanceId();
        assertForm(fx.task(pi, "Task_VerifyFeedback"), "center1", "verifyFeedback", "verification", "invalidReason", "duplicateOf");
        fx.verifyValid(pi);
        assertForm(fx.task(pi, "Task_RespondToCustomer"), "supervisor1", "respondToCustomer", "contactMade", "responsePlan", "resolvedOnFirstContact");
        fx.complete(fx.task(pi, "Task_RespondToCustomer"), "contactMade", true, "responsePlan", "致歉", "resolvedOnFirstContact", false);
        assertForm(fx.task(pi, "Task_ResolveFeedback"), "supervisor1", "resolveFeedback", "handlingOutcome", "solution", "compensation");
        fx.complete(fx.task(pi, "Task_ResolveFeedback"), "handlingOutcome", "RESOLVED", "solution", "补发");
        assertForm(fx.task(pi, "Task_ConfirmResolution"), "center1", "confirmResolution", "callOutcome", "customerSatisfied", "satisfaction");
        fx.complete(fx.task(pi, "Task_ConfirmResolution"), "callOutcome", "REACHED", "customerSatisfied", false, "satisfaction", 2);
        fx.complete(fx.task(pi, "Task_ResolveFeedback"), "handlingOutcome", "RESOLVED", "solution", "再次补发");
        fx.complete(fx.task(pi, "Task_ConfirmResolution"), "callOutcome", "REACHED", "customerSatisfied", false, "satisfaction", 1);
        assertForm(fx.task(pi, "Task_ManagerReview"), "manager1", "managerReview", "managerDecision", "compensation", "notes");
    }

    private void assertForm(Task task, String user, String formId, String... keys) throws Exception {
        ResponseEntity<String> r = Api.as(rest, user).getRaw("/engine-rest/task/" + task.getId() + "/deployed-form");
        assertThat(r.getStatusCode()).as("deployed-form of " + task.getTaskDefinitionKey()).isEqualTo(HttpStatus.OK);
        JsonNode form = json.readTree(r.getBody());
        assertThat(form.get("id").asText()).isEqualTo(formId);
        assertThat(form.findValuesAsText("key")).contains(keys);
    }

    @Test
    void submitFormIsValidatedOnTheServer() {
        FollowUpView f = fx.followUp(fx.customer(), Scenario.USAGE);
        Task task = fx.task(f.processInstanceId(), "Task_CallCustomer");
        assertThat(Api.as(rest, "agent1").postRaw("/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"agent1\"}")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> bad = Map.of("variables", Map.of(
                "callOutcome", Map.of("value", "REACHED"),
                "satisfaction", Map.of("value", 9, "type", "Integer"),
                "nps", Map.of("value", 5, "type", "Integer")));
        ResponseEntity<String> refused = Api.as(rest, "agent1").postRaw("/engine-rest/task/" + task.getId() + "/submit-form", toJson(bad));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("satisfaction");
        assertThat(fx.task(f.processInstanceId(), "Task_CallCustomer").getId()).isEqualTo(task.getId());
        assertThat(followUpQueries.byId(f.id()).attempts()).isEmpty();

        Map<String, Object> good = Map.of("variables", Map.of(
                "callOutcome", Map.of("value", "REACHED"),
                "satisfaction", Map.of("value", 4, "type", "Long"),
                "nps", Map.of("value", 9, "type", "Long"),
                "feedbackType", Map.of("value", "NONE"),
                "notes", Map.of("value", "顺利")));
        ResponseEntity<String> accepted = Api.as(rest, "agent1").postRaw("/engine-rest/task/" + task.getId() + "/submit-form", toJson(good));
        assertThat(accepted.getStatusCode()).isIn(HttpStatus.NO_CONTENT, HttpStatus.OK);
        assertThat(followUpQueries.byId(f.id()).attempts()).hasSize(1)
                .allSatisfy(a -> assertThat(a.agent()).isEqualTo("agent1"));
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
