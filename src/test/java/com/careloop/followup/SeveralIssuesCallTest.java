package com.careloop.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.feedback.FeedbackRef;
import com.careloop.feedback.FeedbackService;
import com.careloop.feedback.FeedbackType;
import com.careloop.feedback.Urgency;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import com.careloop.testsupport.HistoryScan;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 8, "several issues per call": the call form's dynamic list {@code issues} becomes one feedback item per entry
 * (two of one type too), their numbers a comment of the follow-up's process instance; a bad entry is a 400 naming it
 * ({@code issues[1].urgency}) and changes nothing; the single-issue fields still work for REST clients; the customer's
 * words stay out of process variables and history.
 */
class SeveralIssuesCallTest extends CareLoopTest {

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired FeedbackService feedback;
    @Autowired CallAttemptRepository attempts;
    @Autowired JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();
    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(engine, customers, followUps);
    }

    Task claimedCall(FollowUpView f) {
        Task task = fx.task(f.processInstanceId(), FollowUpService.CALL_TASK);
        engine.getTaskService().claim(task.getId(), "agent1");
        return task;
    }

    ResponseEntity<String> submit(Task task, Map<String, Object> variables) throws Exception {
        return Api.as(rest, "agent1").postRaw("/engine-rest/task/" + task.getId() + "/submit-form",
                json.writeValueAsString(Map.of("variables", variables)));
    }

    static Map<String, Object> reached() {
        return Map.of("callOutcome", Map.of("value", "REACHED"), "satisfaction", Map.of("value", 4, "type", "Long"),
                "nps", Map.of("value", 8, "type", "Long"));
    }

    static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new java.util.HashMap<>(base);
        m.put(key, value);
        return m;
    }

    Map<String, Object> issues(Object... entries) throws Exception {
        return Map.of("value", json.writeValueAsString(List.of(entries)), "type", "Json");
    }

    static Map<String, String> issue(String type, String urgency, String description) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("type", type);
        m.put("urgency", urgency);
        m.put("description", description);
        return m;
    }

    @Test
    void eachReportedIssueBecomesItsOwnFeedbackItemAndTheirNumbersAComment() throws Exception {
        FollowUpView f = fx.followUp(fx.customer(), Scenario.USAGE);
        Task task = claimedCall(f);
        ResponseEntity<String> r = submit(task, with(reached(), "issues", issues(
                issue("COMPLAINT", "URGENT", "安装师傅迟到两小时"),
                issue("SUGGESTION", "LOW", "希望提供夜间配送"),
                issue("SUGGESTION", "NORMAL", "希望有微信通知"),
                issue(null, null, null))));
        assertThat(r.getStatusCode()).as(r.getBody()).isIn(HttpStatus.NO_CONTENT, HttpStatus.OK);

        List<FeedbackRef> created = feedback.ofFollowUp(f.id());
        assertThat(created).extracting(FeedbackRef::type)
                .containsExactly(FeedbackType.COMPLAINT, FeedbackType.SUGGESTION, FeedbackType.SUGGESTION);
        assertThat(created).extracting(FeedbackRef::urgency).containsExactly(Urgency.URGENT, Urgency.LOW, Urgency.NORMAL);
        assertThat(created).extracting(FeedbackRef::description).containsExactly("安装师傅迟到两小时", "希望提供夜间配送", "希望有微信通知");
        assertThat(created).extracting(FeedbackRef::callEntry).containsExactly("ISSUE_1", "ISSUE_2", "ISSUE_3");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(f.processInstanceId())
                .activityId(Fixtures.HANDLE_FEEDBACK).count()).as("one handling per item").isEqualTo(3);

        List<Comment> comments = engine.getTaskService().getProcessInstanceComments(f.processInstanceId());
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).getFullMessage()).contains(created.get(0).number(), created.get(1).number(), created.get(2).number());

        assertThat(engine.getRuntimeService().getVariables(f.processInstanceId())).doesNotContainKey("issues");
        List<String> found = new ArrayList<>();
        for (String words : List.of("安装师傅迟到两小时", "希望提供夜间配送", "希望有微信通知")) {
            found.addAll(HistoryScan.columnsContaining(jdbc, words));
            assertThat(jdbc.queryForObject("select count(*) from act_ru_variable where text_ like ? or text2_ like ?", Long.class,
                    "%" + words + "%", "%" + words + "%")).isZero();
        }
        assertThat(found).as("history columns holding the customer's words").isEmpty();
    }

    @Test
    void aBadEntryIs400NamingItsIndexAndChangesNothing() throws Exception {
        FollowUpView f = fx.followUp(fx.customer(), Scenario.USAGE);
        Task task = claimedCall(f);
        ResponseEntity<String> r = submit(task, with(reached(), "issues", issues(
                issue("PROBLEM", "NORMAL", "屏幕闪烁"),
                issue("COMPLAINT", "VERY_URGENT", "客服态度差"),
                issue("NONE", "LOW", "没有类型"),
                issue("SALES_LEAD", "LOW", "不是通话能报告的类型"))));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode body = json.readTree(r.getBody());
        List<String> fields = new ArrayList<>();
        body.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("issues[1].urgency", "issues[2].type", "issues[3].type");
        assertThat(body.path("errors").get(0).path("message").asText()).isNotBlank();
        assertThat(r.getBody()).doesNotContain("客服态度差");

        assertThat(fx.task(f.processInstanceId(), FollowUpService.CALL_TASK)).isNotNull().extracting(Task::getId).isEqualTo(task.getId());
        assertThat(feedback.ofFollowUp(f.id())).isEmpty();
        assertThat(attempts.findAll()).noneMatch(a -> a.getFollowUpId().equals(f.id()));
        assertThat(engine.getRuntimeService().getVariables(f.processInstanceId())).doesNotContainKeys("issues", "callOutcome");

        ResponseEntity<String> missing = submit(task, with(reached(), "issues", issues(issue("PROBLEM", null, null))));
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody()).contains("issues[0].urgency").contains("issues[0].description");
    }

    @Test
    void theSingleIssueFieldsStillWorkForRestClients() throws Exception {
        FollowUpView f = fx.followUp(fx.customer(), Scenario.USAGE);
        Task task = claimedCall(f);
        Map<String, Object> form = new java.util.HashMap<>(reached());
        form.put("feedbackType", Map.of("value", "PROBLEM"));
        form.put("feedbackUrgency", Map.of("value", "URGENT"));
        form.put("feedbackText", Map.of("value", "热水器不出热水"));
        ResponseEntity<String> r = submit(task, form);
        assertThat(r.getStatusCode()).as(r.getBody()).isIn(HttpStatus.NO_CONTENT, HttpStatus.OK);
        List<FeedbackRef> created = feedback.ofFollowUp(f.id());
        assertThat(created).hasSize(1);
        assertThat(created.get(0).type()).isEqualTo(FeedbackType.PROBLEM);
        assertThat(created.get(0).urgency()).isEqualTo(Urgency.URGENT);
        assertThat(created.get(0).description()).isEqualTo("热水器不出热水");

        FollowUpView g = fx.followUp(fx.customer(), Scenario.USAGE);
        Task other = claimedCall(g);
        Map<String, Object> bad = new java.util.HashMap<>(reached());
        bad.put("feedbackType", Map.of("value", "PROBLEM"));
        ResponseEntity<String> refused = submit(other, bad);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(refused.getBody()).path("errors").toString()).contains("feedbackText");
    }

    @Test
    void theSingleIssueAndTheListTogetherAreEachAnItem() throws Exception {
        FollowUpView f = fx.followUp(fx.customer(), Scenario.USAGE);
        Task task = claimedCall(f);
        Map<String, Object> form = new java.util.HashMap<>(reached());
        form.put("feedbackType", Map.of("value", "CONSULTATION"));
        form.put("feedbackText", Map.of("value", "怎么开发票"));
        form.put("issues", issues(issue("PROBLEM", "NORMAL", "遥控器失灵")));
        ResponseEntity<String> r = submit(task, form);
        assertThat(r.getStatusCode()).as(r.getBody()).isIn(HttpStatus.NO_CONTENT, HttpStatus.OK);
        assertThat(feedback.ofFollowUp(f.id())).extracting(FeedbackRef::type)
                .containsExactly(FeedbackType.CONSULTATION, FeedbackType.PROBLEM);
    }

    @Test
    void theFormsIssueGroupsAreEachAnItemAndABadGroupIsNamed() throws Exception {
        // what Tasklist sends for the call form's groups (issue 1 = the feedback* fields, then issue2…, issue3…)
        FollowUpView f = fx.followUp(fx.customer(), Scenario.USAGE);
        Task task = claimedCall(f);
        Map<String, Object> form = new java.util.HashMap<>(reached());
        form.put("feedbackType", Map.of("value", "COMPLAINT"));
        form.put("feedbackUrgency", Map.of("value", "URGENT"));
        form.put("feedbackText", Map.of("value", "送货员态度恶劣"));
        form.put("issue2Type", Map.of("value", "SUGGESTION"));
        form.put("issue2Urgency", Map.of("value", "VERY_LOW"));
        form.put("issue2Text", Map.of("value", "希望增加晚间配送"));
        form.put("issue3Type", Map.of("value", "NONE"));
        ResponseEntity<String> bad = submit(task, form);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(bad.getBody()).path("errors").toString()).contains("issue2Urgency").doesNotContain("feedbackUrgency");
        assertThat(feedback.ofFollowUp(f.id())).isEmpty();

        form.put("issue2Urgency", Map.of("value", "LOW"));
        ResponseEntity<String> ok = submit(task, form);
        assertThat(ok.getStatusCode()).as(ok.getBody()).isIn(HttpStatus.NO_CONTENT, HttpStatus.OK);
        List<FeedbackRef> created = feedback.ofFollowUp(f.id());
        assertThat(created).extracting(FeedbackRef::type).containsExactly(FeedbackType.COMPLAINT, FeedbackType.SUGGESTION);
        assertThat(created).extracting(FeedbackRef::urgency).containsExactly(Urgency.URGENT, Urgency.LOW);
        assertThat(created).extracting(FeedbackRef::description).containsExactly("送货员态度恶劣", "希望增加晚间配送");
        assertThat(HistoryScan.columnsContaining(jdbc, "希望增加晚间配送")).isEmpty();
        assertThat(engine.getRuntimeService().getVariables(f.processInstanceId())).doesNotContainKeys("issue2Text", "issue2Type");
    }
}
