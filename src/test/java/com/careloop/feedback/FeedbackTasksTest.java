package com.careloop.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerView;
import com.careloop.customer.CustomerService;
import com.careloop.customer.MaskedPhone;
import com.careloop.followup.FollowUpService;
import com.careloop.sla.ServiceParameters;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * Issue 8: every feedback task says what to do. The respond, resolve, re-visit and manager tasks carry the customer's
 * own words, the progress log, the response plan and the solution to confirm as task-local variables read from the
 * feedback tables — and none of it reaches history; the resolve form's outcomes follow the item's type (the server
 * refuses one that does not fit with a 400 naming the field); task priority follows urgency; the resolve task goes to
 * whoever responded.
 */
class FeedbackTasksTest extends CareLoopTest {

    static final String WORDS = "空调外机噪音很大，晚上睡不着";

    @Autowired ProcessEngine engine;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired FeedbackService feedback;
    @Autowired ServiceParameters parameters;
    @Autowired TestRestTemplate rest;

    final ObjectMapper json = new ObjectMapper();
    Fixtures fx;
    CustomerView customer;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(engine, customers, followUps);
        customer = fx.customer();
    }

    FeedbackItem inbound(FeedbackType type, Urgency urgency) {
        FeedbackItem item = feedback.registerInboundItem(new InboundFeedbackRequest(customer.id(), type, urgency, WORDS), "center1");
        fx.verifyValid(item.getProcessInstanceId());
        return item;
    }

    Task task(FeedbackItem item, String key) {
        return fx.task(item.getProcessInstanceId(), key);
    }

    Map<String, Object> local(Task t) {
        return tasks.getVariablesLocal(t.getId());
    }

    /** supervisor1 (or the given owner) claims and submits the respond form. */
    void respond(FeedbackItem item, String owner) {
        Task respond = task(item, FeedbackService.RESPOND_TASK);
        tasks.claim(respond.getId(), owner);
        fx.complete(respond, "contactMade", true, "responsePlan", "致歉，周五上门更换减震垫", "resolvedOnFirstContact", false);
    }

    ResponseEntity<String> submit(String user, Task t, Map<String, Object> fields) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        fields.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        return Api.as(rest, user).postRaw("/engine-rest/task/" + t.getId() + "/submit-form", json.writeValueAsString(Map.of("variables", variables)));
    }

    @Test
    void everyFeedbackTaskShowsTheCustomersWordsTheLogThePlanAndTheSolutionButHistoryKeepsNoneOfIt() throws Exception {
        FeedbackItem item = inbound(FeedbackType.COMPLAINT, Urgency.NORMAL);
        Task respond = task(item, FeedbackService.RESPOND_TASK);
        Map<String, Object> r = local(respond);
        assertThat(r.get("customerWords")).asString().contains("空调外机噪音很大");
        assertThat(r.get("customerPhoneMasked")).isEqualTo(MaskedPhone.of(customer.phone())).asString().contains("****")
                .doesNotContain(customer.phone());
        assertThat(r.get("customerName")).asString().contains("测试客户");
        assertThat(r.get("feedbackTypeLabel")).isEqualTo(FeedbackType.COMPLAINT.label());
        assertThat(r.get("urgencyLabel")).isEqualTo(Urgency.NORMAL.label());
        assertThat(r.get("progressLog")).asString().contains(ProgressKind.CREATED.label()).contains(ProgressKind.ROUTED.label());
        assertThat(r.get("salesLead")).isEqualTo(false);

        respond(item, "supervisor1");
        Task resolve = task(item, FeedbackService.RESOLVE_TASK);
        Map<String, Object> s = local(resolve);
        assertThat(s.get("plannedResponse")).asString().contains("周五上门更换减震垫");
        assertThat(s.get("customerWords")).asString().contains("空调外机噪音很大");
        assertThat(s.get("progressLog")).asString().contains(ProgressKind.RESPONDED.label()).contains("supervisor1");

        ResponseEntity<String> resolved = submit("supervisor1", resolve,
                Map.of("handlingOutcome", "RESOLVED", "compensation", "COUPON", "solution", "已更换减震垫，噪音消除"));
        assertThat(resolved.getStatusCode()).as(resolved.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        Task revisit = task(item, "Task_ConfirmResolution");
        Map<String, Object> c = local(revisit);
        assertThat(c.get("solutionToConfirm")).asString().contains(HandlingOutcome.RESOLVED.label()).contains(Compensation.COUPON.label())
                .contains("已更换减震垫").doesNotContain("RESOLVED").doesNotContain("COUPON");
        assertThat(c.get("progressLog")).asString().contains(HandlingOutcome.RESOLVED.label()).doesNotContain("RESOLVED /");

        List<String> contextNames = List.of("customerWords", "progressLog", "plannedResponse", "solutionToConfirm", "customerPhoneMasked",
                "customerName");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(item.getProcessInstanceId())
                .variableNameIn(contextNames.toArray(String[]::new)).count()).as("context variables in history").isZero();
        for (HistoricDetail d : history.createHistoricDetailQuery().processInstanceId(item.getProcessInstanceId()).list()) {
            String name = d instanceof HistoricVariableUpdate u ? u.getVariableName() : d instanceof HistoricFormField f ? f.getFieldId() : null;
            Object value = d instanceof HistoricVariableUpdate u ? u.getValue() : d instanceof HistoricFormField f ? f.getFieldValue() : null;
            assertThat(contextNames).as("history detail " + name).doesNotContain(name);
            assertThat(String.valueOf(value)).as("history detail " + name).doesNotContain("空调外机噪音很大").doesNotContain(customer.phone());
        }
    }

    @Test
    void theResolveFormOffersTheOutcomesOfTheItemsTypeAndTheServerRefusesOthers() throws Exception {
        FeedbackItem complaint = inbound(FeedbackType.COMPLAINT, Urgency.NORMAL);
        respond(complaint, "supervisor1");
        Task resolve = task(complaint, FeedbackService.RESOLVE_TASK);
        for (Map<String, Object> wrong : List.<Map<String, Object>>of(
                Map.of("handlingOutcome", "CONVERTED", "solution", "x"),
                Map.of("handlingOutcome", "RESOLVED", "salesOutcome", "NOT_CONVERTED", "solution", "x"))) {
            ResponseEntity<String> refused = submit("supervisor1", resolve, wrong);
            assertThat(refused.getStatusCode()).as(wrong.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).as(wrong.toString()).containsAnyOf("handlingOutcome", "salesOutcome");
            assertThat(tasks.createTaskQuery().taskId(resolve.getId()).count()).as("nothing changed").isEqualTo(1);
        }
        assertThat(submit("supervisor1", resolve, Map.of("handlingOutcome", "CONVERTED", "solution", "x")).getBody())
                .contains("不适用于").contains("RESOLVED");

        FeedbackItem lead = inbound(FeedbackType.SALES_LEAD, Urgency.NORMAL);
        respond(lead, "sales1");
        Task leadTask = task(lead, FeedbackService.RESOLVE_TASK);
        assertThat(local(leadTask).get("salesLead")).isEqualTo(true);
        ResponseEntity<String> notASale = submit("sales1", leadTask, Map.of("handlingOutcome", "RESOLVED", "solution", "x"));
        assertThat(notASale.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notASale.getBody()).contains("handlingOutcome");
        ResponseEntity<String> sold = submit("sales1", leadTask, Map.of("salesOutcome", "CONVERTED", "solution", "签单两台"));
        assertThat(sold.getStatusCode()).as(sold.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(feedback.get(lead.getNumber()).getHandlingOutcome()).isEqualTo(HandlingOutcome.CONVERTED);
    }

    @Test
    void theResolveFormHidesTheSelectThatDoesNotFitTheType() throws Exception {
        JsonNode form = json.readTree(java.nio.file.Files.readString(java.nio.file.Path.of("bpmn/forms/resolveFeedback.form")));
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        form.get("components").forEach(c -> { if (c.has("key")) byKey.put(c.get("key").asText(), c); });
        List<String> general = byKey.get("handlingOutcome").get("values").findValuesAsText("value");
        List<String> sales = byKey.get("salesOutcome").get("values").findValuesAsText("value");
        assertThat(general).containsExactlyInAnyOrderElementsOf(HandlingOutcome.allowedFor(FeedbackType.COMPLAINT).stream().map(Enum::name).toList());
        assertThat(sales).containsExactlyInAnyOrderElementsOf(HandlingOutcome.SALES.stream().map(Enum::name).toList());
        assertThat(byKey.get("handlingOutcome").at("/conditional/hide").asText()).contains("salesLead");
        assertThat(byKey.get("leadOutcome").at("/conditional/hide").asText()).contains("salesLead");
        assertThat(byKey.get("leadOutcome").get("values").findValuesAsText("value"))
                .containsExactlyElementsOf(java.util.Arrays.stream(LeadOutcome.values()).map(Enum::name).toList());
        assertThat(byKey.get("salesOutcome").at("/conditional/hide").asText()).as("REST clients of before only").isEqualTo("=true");
        form.get("components").forEach(c -> { if (c.has("values")) c.get("values").forEach(v ->
                assertThat(v.get("label").asText()).as("a label, not a code").isNotEqualTo(v.get("value").asText())); });
    }

    @Test
    void taskPriorityFollowsUrgency() {
        Map<Urgency, Integer> priority = new LinkedHashMap<>();
        for (Urgency u : Urgency.values()) {
            FeedbackItem item = inbound(FeedbackType.PROBLEM, u);
            Task respond = task(item, FeedbackService.RESPOND_TASK);
            assertThat(respond.getPriority()).as(u.name()).isEqualTo(parameters.feedbackTaskPriority(u.name()));
            priority.put(u, respond.getPriority());
            respond(item, "tech1");
            assertThat(task(item, FeedbackService.RESOLVE_TASK).getPriority()).as(u + " resolve").isEqualTo(respond.getPriority());
        }
        assertThat(priority.get(Urgency.URGENT)).isGreaterThan(priority.get(Urgency.NORMAL));
        assertThat(priority.get(Urgency.NORMAL)).isGreaterThan(priority.get(Urgency.LOW));
    }

    @Test
    void theResolveTaskGoesToWhoeverResponded() {
        FeedbackItem item = inbound(FeedbackType.PROBLEM, Urgency.NORMAL);
        respond(item, "tech1");
        Task resolve = task(item, FeedbackService.RESOLVE_TASK);
        assertThat(resolve.getAssignee()).isEqualTo("tech1");
        assertThat(tasks.createTaskQuery().taskId(resolve.getId()).taskCandidateGroup("aftersales-tech").includeAssignedTasks().count())
                .as("still the group's task (a supervisor can hand it on)").isEqualTo(1);
    }

    @Test
    void routingMaySendTheResolveTaskToTheGroup() {
        assertThat(ResolveBy.of(Map.of("resolveBy", "RESPONDER")).assignee("tech1")).isEqualTo("tech1");
        assertThat(ResolveBy.of(Map.of("resolveBy", "GROUP")).assignee("tech1")).isNull();
        assertThat(ResolveBy.of(Map.of()).assignee("tech1")).as("routed before the output existed").isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ResolveBy.of(Map.of("resolveBy", "BOSS")))
                .hasMessageContaining("resolveBy").hasMessageContaining("BOSS");
    }
}
