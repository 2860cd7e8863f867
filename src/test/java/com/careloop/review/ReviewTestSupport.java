package com.careloop.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.followup.FollowUpService;
import com.careloop.followup.FollowUpView;
import com.careloop.followup.Scenario;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * What the review tests share: each test's calls are made by a fresh agent in a week of its own far from today (the
 * engine clock is moved there), so the weekly sample sees only them; claiming and submitting go through the engine
 * REST API as the users of Tasklist would.
 */
abstract class ReviewTestSupport extends CareLoopTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired CallReviews reviews;
    final ObjectMapper json = new ObjectMapper();

    Fixtures fx;
    /** the Monday of this test's week */
    LocalDate week;

    @BeforeEach
    void ownWeek() {
        fx = new Fixtures(engine, customers, followUps);
        org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init(engine);
        week = LocalDate.of(2045, 1, 2).plusWeeks(ThreadLocalRandom.current().nextInt(0, 1500))
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        at(week.plusDays(1), LocalTime.of(10, 0));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    void at(LocalDate day, LocalTime time) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(time).atZone(ZONE).toInstant()));
    }

    void later(java.time.Duration d) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(d)));
    }

    /** A fresh user (password = id) in the groups. */
    String user(String prefix, String... groups) {
        String id = prefix + UUID.randomUUID().toString().substring(0, 6);
        User u = identity.newUser(id);
        u.setPassword(id);
        u.setEmail(id + "@example.com");
        identity.saveUser(u);
        for (String g : groups) {
            identity.createMembership(id, g);
        }
        return id;
    }

    /** A reached call made by {@code agent} now (engine clock), with the scores given; returns its follow-up. */
    FollowUpView reachedCall(String agent, int satisfaction, int nps) {
        FollowUpView f = fx.followUp(fx.customer(), Scenario.USAGE);
        Task call = fx.task(f.processInstanceId(), FollowUpService.CALL_TASK);
        tasks.setAssignee(call.getId(), agent);
        fx.complete(call, "callOutcome", "REACHED", "satisfaction", satisfaction, "nps", nps, "feedbackType", "NONE",
                "issueResolved", true, "notes", "客户很满意 happy");
        return f;
    }

    /** The review of a follow-up (sampled before). */
    ReviewView reviewOf(FollowUpView f) {
        return reviews.find(null, null, null, null, null, 500).stream().filter(r -> r.followUpNumber().equals(f.number())).findFirst()
                .orElseThrow(() -> new AssertionError("no review of " + f.number()));
    }

    ReviewView review(long id) {
        return reviews.get(id);
    }

    ProcessInstance caseOf(FollowUpView f) {
        return caseOf(f.number());
    }

    /** The callReviewCase of a follow-up number (its business key). */
    ProcessInstance caseOf(String followUpNumber) {
        ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey(ReviewVariables.CASE_PROCESS)
                .processInstanceBusinessKey(followUpNumber).singleResult();
        assertThat(pi).as("callReviewCase of " + followUpNumber).isNotNull();
        return pi;
    }

    Task task(String pi, String key) {
        Task t = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
        assertThat(t).as("open task " + key).isNotNull();
        return t;
    }

    ResponseEntity<String> claim(String user, Task task) {
        return Api.as(rest, user).postRaw("/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"" + user + "\"}");
    }

    ResponseEntity<String> submit(String user, Task task, Map<String, Object> fields) throws Exception {
        Map<String, Object> variables = new HashMap<>();
        fields.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        return Api.as(rest, user).postRaw("/engine-rest/task/" + task.getId() + "/submit-form",
                json.writeValueAsString(Map.of("variables", variables)));
    }

    /** Every criterion of the shipped scorecard at {@code score}, with a comment. */
    static Map<String, Object> scores(int score) {
        Map<String, Object> m = new HashMap<>();
        for (String k : List.of("greeting", "consent", "questions", "confirmation", "empathy", "closing", "record")) {
            m.put(k + "Score", String.valueOf(score));
            m.put(k + "Comment", "评语 comment " + k);
        }
        return m;
    }

    void executeJob(String pi, String activityId) {
        List<Job> jobs = management.createJobQuery().processInstanceId(pi).activityId(activityId).list();
        assertThat(jobs).as("job at " + activityId).hasSize(1);
        management.executeJob(jobs.get(0).getId());
    }

    long passed(String pi, String activityId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(pi).activityId(activityId).finished().count();
    }

    Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
