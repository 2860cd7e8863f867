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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * POST /api/feedback/{number}/pause and /resume: the item shows pausedNow and pausedMinutes; an unknown reason (400),
 * someone who may not work the item's task (403), an unknown number (404), pausing twice and resuming without a
 * pause (409) all answer problem+json and write nothing.
 */
class SlaPauseApiTest extends CareLoopTest {

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired FeedbackService feedback;

    Fixtures fx;
    com.careloop.customer.CustomerView customer;

    /** The numbers GET /api/feedback lists for the test's customer with the given paused filter. */
    java.util.List<Object> listed(boolean paused) {
        Map<String, Object> page = Api.as(rest, "manager1").get("/api/feedback?paused=" + paused + "&customerExternalId="
                + customer.externalId()).getBody();
        return ((java.util.List<?>) page.get("items")).stream().map(i -> ((Map<?, ?>) i).get("number")).map(Object.class::cast).toList();
    }

    @BeforeEach
    void setUp() {
        fx = new Fixtures(engine, customers, followUps);
    }

    /** A LOW problem routed to aftersales-tech (tech1), waiting for its response. */
    FeedbackRef problem() {
        customer = fx.customer();
        FeedbackRef item = feedback.registerInbound(new InboundFeedbackRequest(customer.id(), FeedbackType.PROBLEM, Urgency.LOW,
                "洗衣机脱水异响"), "center1");
        fx.verifyValid(item.processInstanceId());
        return item;
    }

    /** The item's row, its log and its jobs, as text: a refused request leaves them unchanged. */
    String snapshot(FeedbackRef item) {
        return jdbc.queryForObject("select t::text from feedback_item t where id = ?", String.class, item.id())
                + jdbc.queryForObject("select count(*) from feedback_progress where feedback_item_id = ?", Long.class, item.id())
                + jdbc.queryForObject("select count(*) || ':' || coalesce(max(duedate_)::text, '') from act_ru_job where process_instance_id_ = ?",
                String.class, item.processInstanceId());
    }

    static void problemJson(ResponseEntity<?> r, HttpStatus status) {
        assertThat(r.getStatusCode()).isEqualTo(status);
        assertThat(r.getHeaders().getContentType()).isNotNull();
        assertThat(r.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    }

    @Test
    void aHandlerPausesAndResumesAndTheItemShowsIt() {
        FeedbackRef item = problem();
        Api tech = Api.as(rest, "tech1");
        ResponseEntity<Map<String, Object>> paused = tech.post("/api/feedback/" + item.number() + "/pause",
                Map.of("reason", "WAITING_FOR_CUSTOMER", "note", "客户出差，下周回复"));
        assertThat(paused.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(paused.getBody()).containsEntry("pausedNow", true).containsEntry("pauseReason", "WAITING_FOR_CUSTOMER");
        assertThat(paused.getBody().get("progress").toString()).contains("PAUSED").contains("客户出差");
        assertThat(listed(true)).containsExactly(item.number());
        assertThat(listed(false)).isEmpty();

        String before = snapshot(item);
        ResponseEntity<Map<String, Object>> again = tech.post("/api/feedback/" + item.number() + "/pause", Map.of("reason", "WAITING_FOR_PARTS"));
        problemJson(again, HttpStatus.CONFLICT);
        assertThat(again.getBody()).containsEntry("reason", "ALREADY_PAUSED");
        assertThat(snapshot(item)).isEqualTo(before);

        ResponseEntity<Map<String, Object>> resumed = tech.post("/api/feedback/" + item.number() + "/resume", Map.of());
        assertThat(resumed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(resumed.getBody()).containsEntry("pausedNow", false).containsKey("pausedMinutes").containsKey("resolutionDueAt");
        Map<String, Object> read = Api.as(rest, "manager1").get("/api/feedback/" + item.number()).getBody();
        assertThat(read).containsEntry("pausedNow", false).containsKey("pausedMinutes");
        assertThat(read.get("progress").toString()).contains("RESUMED");
        assertThat(listed(true)).isEmpty();
        assertThat(listed(false)).containsExactly(item.number());
    }

    @Test
    void badRequestsAnswerProblemJsonAndWriteNothing() {
        FeedbackRef item = problem();
        String path = "/api/feedback/" + item.number();
        String before = snapshot(item);

        ResponseEntity<Map<String, Object>> unknownReason = Api.as(rest, "tech1").post(path + "/pause", Map.of("reason", "LUNCH"));
        problemJson(unknownReason, HttpStatus.BAD_REQUEST);
        assertThat(unknownReason.getBody().get("errors").toString()).contains("reason");
        problemJson(Api.as(rest, "tech1").post(path + "/pause", Map.of("note", "没有原因")), HttpStatus.BAD_REQUEST);
        problemJson(Api.as(rest, "tech1").post(path + "/pause", Map.of("reason", "WAITING_FOR_PARTS", "note", "x".repeat(2001))),
                HttpStatus.BAD_REQUEST);
        problemJson(Api.as(rest, "tech1").post(path + "/resume", Map.of()), HttpStatus.CONFLICT);
        for (String outsider : List.of("product1", "sales1", "agent1")) {
            problemJson(Api.as(rest, outsider).post(path + "/pause", Map.of("reason", "WAITING_FOR_PARTS")), HttpStatus.FORBIDDEN);
        }
        problemJson(Api.as(rest, "tech1").post("/api/feedback/FB000000000000/pause", Map.of("reason", "WAITING_FOR_PARTS")),
                HttpStatus.NOT_FOUND);
        problemJson(Api.as(rest, "tech1").post("/api/feedback/FB000000000000/resume", Map.of()), HttpStatus.NOT_FOUND);
        assertThat(Api.anonymous(rest).post(path + "/pause", Map.of("reason", "WAITING_FOR_PARTS")).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(snapshot(item)).isEqualTo(before);

        // a supervisor may pause; the item then shows it
        assertThat(Api.as(rest, "supervisor1").post(path + "/pause", Map.of("reason", "WAITING_FOR_THIRD_PARTY")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }
}
