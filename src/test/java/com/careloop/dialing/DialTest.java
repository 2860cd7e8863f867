package com.careloop.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerView;
import com.careloop.customer.CustomerRequest;
import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerTier;
import com.careloop.feedback.FeedbackRef;
import com.careloop.feedback.FeedbackService;
import com.careloop.followup.FollowUpView;
import com.careloop.followup.FollowUpService;
import com.careloop.followup.Scenario;
import com.careloop.notification.NotificationWorker;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 8, "dialing without exposing the number": only the assignee of the open call or re-visit task of that
 * customer gets the number (reveal adapter, the default run's), every attempt is audited, and the audit is read by
 * cs-managers only.
 */
class DialTest extends CareLoopTest {

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired FeedbackService feedback;
    @Autowired NotificationWorker notifications;
    @Autowired JdbcTemplate jdbc;

    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(engine, customers, followUps);
    }

    CustomerView customer(String phone) {
        String id = "D-" + UUID.randomUUID().toString().substring(0, 8);
        return customers.upsert(new CustomerRequest(id, "王芳 " + id, null, phone, null, CustomerTier.STANDARD, null, false, null, null,
                null, null, null, null)).customer();
    }

    Task callTask(FollowUpView f) {
        return fx.task(f.processInstanceId(), FollowUpService.CALL_TASK);
    }

    ResponseEntity<Map<String, Object>> dial(String user, FollowUpView f) {
        return Api.as(rest, user).post("/api/follow-ups/" + f.number() + "/dial", null);
    }

    List<Map<String, Object>> audit(String number) {
        return jdbc.queryForList("select * from contact_access where subject_number = ? order by id", number);
    }

    @Test
    void theAssigneeGetsTheNumberAndTheRevealIsAudited() {
        CustomerView c = customer("13800001000");
        FollowUpView f = fx.followUp(c, Scenario.NEW_PURCHASE);
        Task task = callTask(f);
        engine.getTaskService().claim(task.getId(), "agent1");

        ResponseEntity<Map<String, Object>> r = dial("agent1", f);
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(r.getBody()).containsEntry("phone", "13800001000").containsEntry("adapter", "reveal").containsEntry("taskId", task.getId());
        assertThat(r.getHeaders().getCacheControl()).contains("no-store");

        List<Map<String, Object>> rows = audit(f.number());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("user_id", "agent1").containsEntry("subject", "FOLLOW_UP").containsEntry("task_id", task.getId())
                .containsEntry("customer_id", c.id()).containsEntry("adapter", "reveal").containsEntry("outcome", "REVEALED");
        assertThat(rows.get(0).get("accessed_at")).isNotNull();
        assertThat(rows.toString()).as("the audit holds no number").doesNotContain("13800001000");
    }

    @Test
    void nobodyButTheAssigneeGetsTheNumber() {
        FollowUpView f = fx.followUp(customer("13800002000"), Scenario.NEW_PURCHASE);
        Task task = callTask(f);

        ResponseEntity<Map<String, Object>> unassigned = dial("agent1", f);
        assertThat(unassigned.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(unassigned.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(String.valueOf(unassigned.getBody())).doesNotContain("13800002000");

        engine.getTaskService().claim(task.getId(), "agent2");
        for (String other : List.of("agent1", "supervisor1", "manager1", "demo")) {
            ResponseEntity<Map<String, Object>> r = dial(other, f);
            assertThat(r.getStatusCode()).as(other).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(String.valueOf(r.getBody())).doesNotContain("13800002000");
        }
        assertThat(audit(f.number())).extracting(row -> row.get("outcome"))
                .containsExactly("REFUSED_NOT_ASSIGNEE", "REFUSED_NOT_ASSIGNEE", "REFUSED_NOT_ASSIGNEE", "REFUSED_NOT_ASSIGNEE",
                        "REFUSED_NOT_ASSIGNEE");
        assertThat(audit(f.number())).extracting(row -> row.get("user_id"))
                .containsExactly("agent1", "agent1", "supervisor1", "manager1", "demo");
        assertThat(dial("agent2", f).getBody()).containsEntry("phone", "13800002000");
    }

    @Test
    void theAssigneeOfOneCustomersCallCannotDialAnotherCustomer() {
        FollowUpView mine = fx.followUp(customer("13800003000"), Scenario.NEW_PURCHASE);
        FollowUpView theirs = fx.followUp(customer("13800004000"), Scenario.NEW_PURCHASE);
        engine.getTaskService().claim(callTask(mine).getId(), "agent1");
        ResponseEntity<Map<String, Object>> r = dial("agent1", theirs);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(String.valueOf(r.getBody())).doesNotContain("13800004000");
        engine.getTaskService().claim(callTask(theirs).getId(), "agent2");
        assertThat(dial("agent1", theirs).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(dial("agent1", mine).getBody()).containsEntry("phone", "13800003000");
    }

    @Test
    void anUnknownNumberIs404AndAFollowUpWithoutOpenCallIs409() {
        assertThat(Api.as(rest, "agent1").post("/api/follow-ups/FU-19990101-000001/dial", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(Api.as(rest, "agent1").post("/api/feedback/FB199901010001/dial", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        FollowUpView f = fx.followUp(customer("13800005000"), Scenario.NEW_PURCHASE);
        Task task = callTask(f);
        engine.getTaskService().claim(task.getId(), "agent1");
        engine.getTaskService().complete(task.getId(), Fixtures.vars("callOutcome", "WRONG_NUMBER"));
        ResponseEntity<Map<String, Object>> closed = dial("agent1", f);
        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(closed.getBody()).containsEntry("reason", "NO_OPEN_TASK");
        assertThat(audit(f.number())).extracting(row -> row.get("outcome")).containsExactly("REFUSED_NO_OPEN_TASK");
    }

    @Test
    void theReVisitOfAFeedbackItemIsDialedByItsAssignee() {
        CustomerView c = customer("13800006000");
        FollowUpView f = fx.followUp(c, Scenario.POST_RESOLUTION);
        Task call = callTask(f);
        engine.getTaskService().claim(call.getId(), "agent1");
        engine.getTaskService().complete(call.getId(), Fixtures.vars("callOutcome", "REACHED", "satisfaction", 4, "nps", 8,
                "feedbackType", "PROBLEM", "feedbackUrgency", "NORMAL", "feedbackText", "充电器发热"));
        fx.startFeedbackHandling(f.processInstanceId());
        FeedbackRef item = feedback.ofFollowUp(f.id()).get(0);
        String child = item.processInstanceId();

        ResponseEntity<Map<String, Object>> early = Api.as(rest, "agent1").post("/api/feedback/" + item.number() + "/dial", null);
        assertThat(early.getStatusCode()).as("no re-visit is open yet").isEqualTo(HttpStatus.CONFLICT);

        notifications.runOnce(item.number());
        fx.complete(fx.task(child, "Task_RespondToCustomer"), "contactMade", true, "responsePlan", "已联系", "resolvedOnFirstContact", false);
        fx.complete(fx.task(child, "Task_ResolveFeedback"), "handlingOutcome", "RESOLVED", "solution", "更换充电器");
        Task revisit = fx.task(child, "Task_ConfirmResolution");
        assertThat(revisit).isNotNull();
        if (revisit.getAssignee() == null) {
            engine.getTaskService().claim(revisit.getId(), "agent1");
        }
        String assignee = engine.getTaskService().createTaskQuery().taskId(revisit.getId()).singleResult().getAssignee();
        String someoneElse = assignee.equals("agent2") ? "agent1" : "agent2";

        assertThat(Api.as(rest, someoneElse).post("/api/feedback/" + item.number() + "/dial", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> r = Api.as(rest, assignee).post("/api/feedback/" + item.number() + "/dial", null);
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(r.getBody()).containsEntry("phone", "13800006000").containsEntry("taskId", revisit.getId());
        assertThat(audit(item.number())).extracting(row -> row.get("outcome"))
                .containsExactly("REFUSED_NO_OPEN_TASK", "REFUSED_NOT_ASSIGNEE", "REVEALED");
        assertThat(audit(item.number())).allSatisfy(row -> assertThat(row).containsEntry("subject", "FEEDBACK")
                .containsEntry("customer_id", c.id()));
    }

    @Test
    void theAuditIsReadByManagersOnlyPagedAndFiltered() {
        FollowUpView f = fx.followUp(customer("13800007000"), Scenario.NEW_PURCHASE);
        engine.getTaskService().claim(callTask(f).getId(), "agent2");
        dial("agent2", f);
        dial("agent1", f);

        ResponseEntity<Map<String, Object>> page = Api.as(rest, "manager1").get("/api/audit/contact-access?user=agent2&size=1");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).containsEntry("page", 0).containsEntry("size", 1);
        assertThat(((Number) page.getBody().get("total")).longValue()).isGreaterThanOrEqualTo(1);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) page.getBody().get("items");
        assertThat(list).hasSize(1);
        assertThat(list.get(0)).containsEntry("user", "agent2").containsEntry("number", f.number()).containsEntry("outcome", "REVEALED")
                .containsKeys("at", "taskId", "customerId", "adapter");
        assertThat(list.toString()).doesNotContain("13800007000");

        assertThat(Api.as(rest, "demo").get("/api/audit/contact-access?from=2000-01-01&to=2999-12-31").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(Api.as(rest, "manager1").get("/api/audit/contact-access?from=2999-01-01").getBody().get("total")).isEqualTo(0);
        for (String notAllowed : List.of("agent1", "agent2", "supervisor1", "center1")) {
            assertThat(Api.as(rest, notAllowed).get("/api/audit/contact-access").getStatusCode()).as(notAllowed).isEqualTo(HttpStatus.FORBIDDEN);
        }
        ResponseEntity<Map<String, Object>> bad = Api.as(rest, "manager1").get("/api/audit/contact-access?from=yesterday");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("errors").toString()).contains("from");
        assertThat(Api.as(rest, "manager1").get("/api/audit/contact-access?size=5000").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
