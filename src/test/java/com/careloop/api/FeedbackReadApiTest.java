package com.careloop.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.feedback.FeedbackRef;
import com.careloop.feedback.FeedbackService;
import com.careloop.feedback.FeedbackType;
import com.careloop.feedback.InboundFeedbackRequest;
import com.careloop.feedback.Urgency;
import com.careloop.followup.FollowUpService;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** GET /api/feedback/{number}: the status it shows, and that it only reads. */
class FeedbackReadApiTest extends CareLoopTest {

    /** Every table the feedback module writes. */
    static final List<String> FEEDBACK_TABLES = List.of("feedback_item", "feedback_progress");

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired FeedbackService feedback;

    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(engine, customers, followUps);
    }

    FeedbackRef complaint() {
        FeedbackRef item = feedback.registerInbound(new InboundFeedbackRequest(fx.customer().id(), FeedbackType.COMPLAINT, Urgency.LOW,
                "第二次上门仍未修好"), "center1");
        fx.verifyValid(item.processInstanceId());
        return item;
    }

    Map<String, Object> read(FeedbackRef item) {
        ResponseEntity<Map<String, Object>> r = Api.as(rest, "manager1").get("/api/feedback/" + item.number());
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    void completeTask(FeedbackRef item, String key, Object... keyValues) {
        fx.complete(fx.task(item.processInstanceId(), key), keyValues);
    }

    void failTwice(FeedbackRef item) {
        completeTask(item, "Task_RespondToCustomer", "contactMade", true, "responsePlan", "致歉", "resolvedOnFirstContact", false);
        for (int round = 0; round < 2; round++) {
            completeTask(item, "Task_ResolveFeedback", "handlingOutcome", "RESOLVED", "solution", "上门维修");
            completeTask(item, "Task_ConfirmResolution", "callOutcome", "REACHED", "customerSatisfied", false, "satisfaction", 1);
        }
    }

    /** Every row of the feedback tables, as text, in a stable order: a GET must leave it unchanged. */
    String snapshot() {
        StringBuilder all = new StringBuilder();
        for (String table : FEEDBACK_TABLES) {
            all.append(table).append(": ").append(jdbc.queryForObject(
                    "select count(*) || ' ' || coalesce(md5(string_agg(t::text, '|' order by t.id)), '') from " + table + " t",
                    String.class)).append('\n');
        }
        return all.toString();
    }

    @Test
    void showsManagerReviewWhileTheReviewIsOpen() {
        FeedbackRef item = complaint();
        failTwice(item);
        assertThat(fx.task(item.processInstanceId(), "Task_ManagerReview")).isNotNull();
        Map<String, Object> underReview = read(item);
        assertThat(underReview).containsEntry("status", "MANAGER_REVIEW");
        assertThat(underReview.get("progress").toString()).contains("MANAGER_REVIEW");

        completeTask(item, "Task_ManagerReview", "managerDecision", "CLOSE_WITH_COMPENSATION", "compensation", "REFUND",
                "notes", "全额退款");
        assertThat(read(item)).containsEntry("status", "CLOSED").containsEntry("result", "CLOSED_BY_MANAGER");
    }

    @Test
    void aReadWritesNoRowAndStillShowsNewTasklistComments() {
        FeedbackRef item = complaint();
        Task respond = fx.task(item.processInstanceId(), "Task_RespondToCustomer");
        engine.getTaskService().createComment(respond.getId(), item.processInstanceId(), "客户下午三点后方便接电话");

        String before = snapshot();
        Map<String, Object> first = read(item);
        Map<String, Object> second = read(item);
        assertThat(snapshot()).as("rows of " + FEEDBACK_TABLES + " after two GETs").isEqualTo(before);
        assertThat(first.get("progress").toString()).contains("COMMENT").contains("客户下午三点后方便接电话");
        assertThat(second.get("progress")).isEqualTo(first.get("progress"));

        // the comment is copied into the log when the task is recorded: a write path
        completeTask(item, "Task_RespondToCustomer", "contactMade", true, "responsePlan", "约定下午回电", "resolvedOnFirstContact", false);
        assertThat(jdbc.queryForObject("select count(*) from feedback_progress where feedback_item_id = ? and kind = 'COMMENT'",
                Long.class, item.id())).isEqualTo(1);
        assertThat(read(item).get("progress").toString()).containsOnlyOnce("客户下午三点后方便接电话");
    }
}
