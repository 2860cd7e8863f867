package com.careloop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerTier;
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
import com.careloop.testsupport.Webapp;
import com.careloop.testsupport.Fixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The task-access model on PostgreSQL, attacked as the trust-boundaries probe did: over the engine REST API and
 * over the API behind Tasklist (a logged-in webapp session), as agents, a supervisor and an outsider.
 */
class TaskAccessTest extends CareLoopTest {

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired FollowUpQueries followUpQueries;
    @Autowired AuthorizationService authorizations;
    @Autowired FeedbackService feedback;
    @LocalServerPort int port;

    final ObjectMapper json = new ObjectMapper();
    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(engine, customers, followUps);
    }

    Task call(FollowUpView f) {
        return fx.task(f.processInstanceId(), "Task_CallCustomer");
    }

    FollowUpView vipCallOf(String agent) {
        return fx.followUp(fx.customer(CustomerTier.VIP, agent), Scenario.VIP_CARE);
    }

    static String reached() {
        return """
                {"variables": {"callOutcome": {"value": "REACHED"}, "satisfaction": {"value": 5, "type": "Long"},
                 "nps": {"value": 10, "type": "Long"}, "feedbackType": {"value": "NONE"}}}""";
    }

    ResponseEntity<String> post(String user, String path, String body) {
        return Api.as(rest, user).postRaw("/engine-rest/task/" + path, body);
    }

    @Test
    void agentsSeeTheCallsTheySawBeforeWithoutOneRowPerCall() throws Exception {
        FollowUpView open = fx.followUp(fx.customer(), Scenario.USAGE);
        FollowUpView vip = vipCallOf("agent2");
        String openTask = call(open).getId();
        String vipTask = call(vip).getId();

        for (String agent : List.of("agent1", "agent2")) {
            String body = Api.as(rest, agent).getRaw("/engine-rest/task?processInstanceIdIn=" + open.processInstanceId()
                    + "," + vip.processInstanceId()).getBody();
            assertThat(json.readTree(body).findValuesAsText("id")).as(agent).containsExactlyInAnyOrder(openTask, vipTask);
        }
        assertThat(json.readTree(Api.as(rest, "sales1").getRaw("/engine-rest/task?processInstanceIdIn=" + open.processInstanceId()
                + "," + vip.processInstanceId()).getBody()).findValuesAsText("id")).isEmpty();
        // no per-task row for the agents group, nor for an agent holding a call: the definition grant covers both
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(openTask).count()).isZero();
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(vipTask).count()).isZero();
    }

    @Test
    void aRoutedFeedbackTaskKeepsOneRowForItsTeamAndOneForAnAssigneeOutsideTheDefinitionGrants() {
        var item = feedback.registerInbound(new InboundFeedbackRequest(fx.customer().id(), FeedbackType.PROBLEM, Urgency.NORMAL, "故障"), "center1");
        fx.verifyValid(item.processInstanceId());
        String task = fx.task(item.processInstanceId(), "Task_RespondToCustomer").getId();
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task).list())
                .singleElement().satisfies(a -> assertThat(a.getGroupId()).isEqualTo("aftersales-tech"));
        assertThat(Api.as(rest, "sales1").getRaw("/engine-rest/task/" + task).getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(post("tech1", task + "/claim", "{\"userId\":\"tech1\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task).count()).isEqualTo(2);
        assertThat(Api.as(rest, "supervisor1").getRaw("/engine-rest/task/" + task).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anAgentCannotTakeOrCompleteAnotherAgentsCall() {
        FollowUpView vip = vipCallOf("agent2");
        String task = call(vip).getId();

        ResponseEntity<String> claim = post("agent1", task + "/claim", "{\"userId\":\"agent1\"}");
        assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(claim.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(claim.getBody()).contains("agent2");
        assertThat(post("agent1", task + "/assignee", "{\"userId\":\"agent1\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("agent1", task + "/unclaim", "").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("agent1", task + "/submit-form", reached()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("agent1", task + "/complete", "{}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("agent1", task + "/delegate", "{\"userId\":\"agent1\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("agent1", task + "/identity-links", "{\"userId\":\"agent1\",\"type\":\"candidate\"}").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // refused by the declared-fields check (400) before the working-rights check (403) sees it
        assertThat(post("agent1", task + "/variables", "{\"modifications\":{\"followUpId\":{\"value\":1}}}").getStatusCode())
                .isIn(HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN);

        Task after = engine.getTaskService().createTaskQuery().taskId(task).singleResult();
        assertThat(after.getAssignee()).isEqualTo("agent2");
        assertThat(followUpQueries.byId(vip.id()).attempts()).isEmpty();

        // the assignee works it, and the attempt is recorded as the authenticated user's
        assertThat(post("agent2", task + "/submit-form", reached()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(followUpQueries.byId(vip.id()).attempts()).singleElement()
                .satisfies(a -> assertThat(a.agent()).isEqualTo("agent2"));
    }

    @Test
    void aCandidateClaimsAnUnassignedCallCompletesItAndCanGiveItBack() {
        String first = call(fx.followUp(fx.customer(), Scenario.USAGE)).getId();
        assertThat(post("agent1", first + "/complete", "{}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("sales1", first + "/claim", "{\"userId\":\"sales1\"}").getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(post("agent1", first + "/claim", "{\"userId\":\"agent1\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("agent2", first + "/claim", "{\"userId\":\"agent2\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("agent1", first + "/unclaim", "").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("agent2", first + "/claim", "{\"userId\":\"agent2\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("agent2", first + "/submit-form", reached()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void aSupervisorReassignsWithinTheTeamOnly() {
        String task = call(vipCallOf("agent2")).getId();
        assertThat(post("supervisor1", task + "/assignee", "{\"userId\":\"sales1\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("sales1", task + "/assignee", "{\"userId\":\"sales1\"}").getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(post("supervisor1", task + "/assignee", "{\"userId\":\"agent1\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("agent1");
        assertThat(post("agent2", task + "/submit-form", reached()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("agent1", task + "/submit-form", reached()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void tasklistsOwnApiIsGuardedToo() throws Exception {
        String task = call(vipCallOf("agent2")).getId();
        Webapp agent1 = Webapp.login(port, "agent1");
        HttpResponse<String> seen = agent1.get("/camunda/api/engine/engine/default/task/" + task);
        assertThat(seen.statusCode()).isEqualTo(200);
        HttpResponse<String> submit = agent1.post("/camunda/api/engine/engine/default/task/" + task + "/submit-form", reached());
        assertThat(submit.statusCode()).as(submit.body()).isEqualTo(403);
        assertThat(submit.body()).contains("agent2");
        assertThat(agent1.post("/camunda/api/engine/engine/default/task/" + task + "/assignee", "{\"userId\":\"agent1\"}").statusCode())
                .isEqualTo(403);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("agent2");

        Webapp agent2 = Webapp.login(port, "agent2");
        HttpResponse<String> own = agent2.post("/camunda/api/engine/engine/default/task/" + task + "/submit-form", reached());
        assertThat(own.statusCode()).as(own.body()).isEqualTo(204);
    }

    @Test
    void creatingCallsAddsNoAuthorizationRowsButTheAssignees() {
        long before = authorizations.createAuthorizationQuery().count();
        int calls = 200;
        int assigned = 0;
        for (int i = 0; i < calls; i++) {
            if (i % 10 == 0) {
                vipCallOf("agent1");
                assigned++;
            } else {
                fx.followUp(fx.customer(), Scenario.USAGE);
            }
        }
        assertThat(authorizations.createAuthorizationQuery().count() - before).isLessThanOrEqualTo(assigned);
    }
}
