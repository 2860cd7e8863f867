package com.careloop.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerView;
import com.careloop.followup.FollowUpService;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 9, sales-lead outcome: the sales team's resolve task records CONTACTED_NOT_INTERESTED, QUOTED, WON (amount &gt; 0)
 * or LOST (reason); bad input is a 400 naming the field and changes nothing; the outcome is on the item
 * (GET /api/feedback/{number}) and decides CONVERTED / NOT_CONVERTED; the lost reason never reaches history.
 */
class SalesLeadOutcomeTest extends CareLoopTest {

    @Autowired ProcessEngine engine;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired FeedbackService feedback;
    @Autowired TestRestTemplate rest;

    final ObjectMapper json = new ObjectMapper();
    Fixtures fx;
    CustomerView customer;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(engine, customers, followUps);
        customer = fx.customer();
    }

    /** An inbound item verified and responded to by its owner; its resolve task. */
    Task resolveTask(FeedbackType type, String owner, FeedbackItem[] item) {
        item[0] = feedback.registerInboundItem(new InboundFeedbackRequest(customer.id(), type, Urgency.NORMAL, "想给新办公室买三台空调"), "center1");
        fx.verifyValid(item[0].getProcessInstanceId());
        Task respond = fx.task(item[0].getProcessInstanceId(), FeedbackService.RESPOND_TASK);
        tasks.claim(respond.getId(), owner);
        fx.complete(respond, "contactMade", true, "responsePlan", "电话联系报价", "resolvedOnFirstContact", false);
        return fx.task(item[0].getProcessInstanceId(), FeedbackService.RESOLVE_TASK);
    }

    ResponseEntity<String> submit(String user, Task t, Map<String, Object> fields) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        fields.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        return Api.as(rest, user).postRaw("/engine-rest/task/" + t.getId() + "/submit-form", json.writeValueAsString(Map.of("variables", variables)));
    }

    @Test
    void aLeadWonCarriesItsAmountAndBadOutcomesAreRefused() throws Exception {
        FeedbackItem[] item = new FeedbackItem[1];
        Task resolve = resolveTask(FeedbackType.SALES_LEAD, "sales1", item);
        List<Map.Entry<Map<String, Object>, String>> wrong = List.of(
                Map.entry(Map.of("leadOutcome", "WON", "solution", "签单"), "leadAmount"),
                Map.entry(Map.of("leadOutcome", "WON", "leadAmount", 0, "solution", "签单"), "leadAmount"),
                Map.entry(Map.of("leadOutcome", "WON", "leadAmount", -5, "solution", "签单"), "leadAmount"),
                Map.entry(Map.of("leadOutcome", "WON", "leadAmount", 12.345, "solution", "签单"), "leadAmount"),
                Map.entry(Map.of("leadOutcome", "WON", "leadAmount", "lots", "solution", "签单"), "leadAmount"),
                Map.entry(Map.of("leadOutcome", "LOST", "solution", "没谈成"), "leadLostReason"),
                Map.entry(Map.of("leadOutcome", "QUOTED", "leadAmount", 100, "solution", "已报价"), "leadAmount"),
                Map.entry(Map.of("leadOutcome", "QUOTED", "leadLostReason", "太贵", "solution", "已报价"), "leadLostReason"),
                Map.entry(Map.of("leadOutcome", "MAYBE", "solution", "x"), "leadOutcome"),
                Map.entry(Map.of("leadOutcome", "WON", "leadAmount", 100, "salesOutcome", "NOT_CONVERTED", "solution", "x"), "salesOutcome"));
        for (Map.Entry<Map<String, Object>, String> w : wrong) {
            ResponseEntity<String> refused = submit("sales1", resolve, w.getKey());
            assertThat(refused.getStatusCode()).as(w.getKey().toString()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).as(w.getKey().toString()).contains(w.getValue());
            assertThat(tasks.createTaskQuery().taskId(resolve.getId()).count()).as("nothing changed").isEqualTo(1);
        }
        assertThat(feedback.get(item[0].getNumber()).getLeadOutcome()).isNull();

        ResponseEntity<String> won = submit("sales1", resolve, Map.of("leadOutcome", "WON", "leadAmount", 38400.5, "solution", "签单三台"));
        assertThat(won.getStatusCode()).as(won.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<Map<String, Object>> view = Api.as(rest, "sales1").get("/api/feedback/" + item[0].getNumber());
        assertThat(view.getBody()).containsEntry("leadOutcome", "WON").containsEntry("handlingOutcome", "CONVERTED")
                .containsEntry("leadLostReason", null);
        assertThat(((Number) view.getBody().get("leadAmount")).doubleValue()).isEqualTo(38400.5);
        assertThat(view.getBody().get("progress").toString()).contains(LeadOutcome.WON.label()).contains("38400.50");
        assertThat(engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(item[0].getProcessInstanceId())
                .variableNameIn("leadOutcome", "leadAmount").count()).as("no lead variables left").isZero();
    }

    @Test
    void aLostLeadKeepsItsReasonOutOfTheProcess() throws Exception {
        FeedbackItem[] item = new FeedbackItem[1];
        Task resolve = resolveTask(FeedbackType.SALES_LEAD, "sales1", item);
        ResponseEntity<String> lost = submit("sales1", resolve, Map.of("leadOutcome", "LOST", "leadLostReason", "客户选了别家，价格更低", "solution", "已回访"));
        assertThat(lost.getStatusCode()).as(lost.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        FeedbackItem stored = feedback.get(item[0].getNumber());
        assertThat(stored.getLeadOutcome()).isEqualTo(LeadOutcome.LOST);
        assertThat(stored.getLeadLostReason()).isEqualTo("客户选了别家，价格更低");
        assertThat(stored.getLeadAmount()).isNull();
        assertThat(stored.getHandlingOutcome()).isEqualTo(HandlingOutcome.NOT_CONVERTED);
        assertThat(history.createHistoricDetailQuery().processInstanceId(item[0].getProcessInstanceId()).list())
                .allSatisfy(d -> assertThat(String.valueOf(d instanceof org.camunda.bpm.engine.history.HistoricVariableUpdate u ? u.getValue()
                        : d instanceof org.camunda.bpm.engine.history.HistoricFormField f ? f.getFieldValue() : "")).doesNotContain("别家"));
    }

    @Test
    void quotedAndNotInterestedEndNotConverted() throws Exception {
        for (LeadOutcome o : List.of(LeadOutcome.QUOTED, LeadOutcome.CONTACTED_NOT_INTERESTED)) {
            FeedbackItem[] item = new FeedbackItem[1];
            Task resolve = resolveTask(FeedbackType.SALES_LEAD, "sales1", item);
            assertThat(submit("sales1", resolve, Map.of("leadOutcome", o.name(), "solution", "已跟进")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            FeedbackItem stored = feedback.get(item[0].getNumber());
            assertThat(stored.getLeadOutcome()).isEqualTo(o);
            assertThat(stored.getHandlingOutcome()).isEqualTo(HandlingOutcome.NOT_CONVERTED);
        }
    }

    @Test
    void aComplaintTakesNoLeadOutcome() throws Exception {
        FeedbackItem[] item = new FeedbackItem[1];
        Task resolve = resolveTask(FeedbackType.COMPLAINT, "supervisor1", item);
        for (String field : List.of("leadOutcome", "leadAmount", "leadLostReason")) {
            Object value = field.equals("leadOutcome") ? "WON" : field.equals("leadAmount") ? 100 : "x";
            ResponseEntity<String> refused = submit("supervisor1", resolve, Map.of("handlingOutcome", "RESOLVED", "solution", "x", field, value));
            assertThat(refused.getStatusCode()).as(field).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody()).as(field).contains(field).contains("only for sales leads");
        }
        assertThat(tasks.createTaskQuery().taskId(resolve.getId()).count()).isEqualTo(1);
    }
}
