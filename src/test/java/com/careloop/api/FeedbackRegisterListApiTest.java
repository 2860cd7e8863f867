package com.careloop.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerRequest;
import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerView;
import com.careloop.feedback.FeedbackChannel;
import com.careloop.feedback.FeedbackService;
import com.careloop.feedback.FeedbackType;
import com.careloop.feedback.InboundFeedbackRequest;
import com.careloop.feedback.Urgency;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** GET /api/feedback: the register as a page of items, its filters, who sees what, bad parameters; progress entries. */
class FeedbackRegisterListApiTest extends CareLoopTest {

    @Autowired TestRestTemplate rest;
    @Autowired CustomerService customers;
    @Autowired FeedbackService feedback;
    @Autowired org.camunda.bpm.engine.ProcessEngine engine;

    CustomerView customer;
    String token;
    String smoke;
    String complaint;
    String consultation;

    @BeforeEach
    void register() {
        String id = "L-" + UUID.randomUUID().toString().substring(0, 8);
        token = "标记" + id.substring(2);
        customer = customers.upsertView(new CustomerRequest(id, "列表客户", null, null, null, null, null, false, null,
                null, null, null, null, null));
        smoke = item(FeedbackChannel.HOTLINE, FeedbackType.PROBLEM, null, "热水器冒烟 " + token);
        complaint = item(FeedbackChannel.WECHAT, FeedbackType.COMPLAINT, Urgency.NORMAL, "安装师傅迟到 " + token);
        consultation = item(FeedbackChannel.STORE, FeedbackType.CONSULTATION, Urgency.LOW, "延保价格");
    }

    String item(FeedbackChannel channel, FeedbackType type, Urgency urgency, String words) {
        return feedback.registerInbound(new InboundFeedbackRequest(customer.id(), null, null, channel, null, null, null, null,
                null, null, type, urgency, null, words), "center1").number();
    }

    @SuppressWarnings("unchecked")
    List<String> numbers(String user, String query) {
        ResponseEntity<Map<String, Object>> r = Api.as(rest, user).get("/api/feedback?customerExternalId=" + customer.externalId() + query);
        assertThat(r.getStatusCode()).as(String.valueOf(r.getBody())).isEqualTo(HttpStatus.OK);
        return ((List<Map<String, Object>>) r.getBody().get("items")).stream().map(i -> (String) i.get("number")).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aManagerPagesTheRegisterSortedByDeadlineAndFilters() {
        // the urgent item is routed at once (a deadline); the others wait for verification (no deadline yet): last
        assertThat(numbers("manager1", "")).containsExactly(smoke, complaint, consultation);
        Map<String, Object> page = Api.as(rest, "manager1").get("/api/feedback?size=2&customerExternalId=" + customer.externalId()).getBody();
        assertThat(page).containsEntry("total", 3).containsEntry("size", 2).containsEntry("page", 0);
        Map<String, Object> first = ((List<Map<String, Object>>) page.get("items")).get(0);
        assertThat(first).containsEntry("number", smoke).containsEntry("urgency", "URGENT").containsEntry("channel", "HOTLINE")
                .containsEntry("team", "aftersales-tech").containsEntry("customerName", "列表客户").containsKeys("deadline", "responseDueAt");
        assertThat(numbers("manager1", "&size=2&page=1")).containsExactly(consultation);

        assertThat(numbers("manager1", "&channel=WECHAT")).containsExactly(complaint);
        assertThat(numbers("manager1", "&status=NEW")).containsExactly(complaint, consultation);
        assertThat(numbers("manager1", "&urgency=URGENT&type=PROBLEM")).containsExactly(smoke);
        assertThat(numbers("manager1", "&team=aftersales-tech")).containsExactly(smoke);
        assertThat(numbers("manager1", "&q=" + token)).containsExactly(smoke, complaint);
        assertThat(numbers("manager1", "&q=迟到")).containsExactly(complaint);
        assertThat(numbers("manager1", "&overdue=true")).isEmpty();
        assertThat(numbers("manager1", "&overdue=false")).hasSize(3);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(numbers("manager1", "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1))).hasSize(3);
        assertThat(numbers("manager1", "&from=" + today.plusDays(2))).isEmpty();
    }

    @Test
    void eachReaderSeesTheirShare() {
        assertThat(numbers("tech1", "")).containsExactly(smoke);
        assertThat(numbers("center1", "")).containsExactly(complaint, consultation);
        assertThat(numbers("supervisor1", "")).containsExactly(complaint, consultation);
        assertThat(numbers("sales1", "")).isEmpty();
        assertThat(numbers("agent1", "")).isEmpty();

        ResponseEntity<Map<String, Object>> call = Api.as(rest, "agent1").post("/api/follow-ups",
                Map.of("customerId", customer.id(), "scenario", "USAGE"));
        assertThat(call.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String own = feedback.registerFromCall(((Number) call.getBody().get("id")).longValue(), customer.id(), FeedbackType.SUGGESTION,
                Urgency.LOW, "希望有夜间上门", "agent1").number();
        assertThat(numbers("agent1", "")).containsExactly(own);
        assertThat(numbers("agent2", "")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void handlersRecordProgressOnOpenItems() {
        ResponseEntity<Map<String, Object>> parts = Api.as(rest, "tech1").post("/api/feedback/" + smoke + "/progress",
                Map.of("kind", "WAITING_FOR_PARTS"));
        assertThat(parts.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map<String, Object>> note = Api.as(rest, "tech1").post("/api/feedback/" + smoke + "/progress",
                Map.of("kind", "NOTE", "note", "配件预计周五到货"));
        assertThat(note.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        List<Map<String, Object>> log = (List<Map<String, Object>>) Api.as(rest, "manager1").get("/api/feedback/" + smoke).getBody().get("progress");
        assertThat(log).anySatisfy(e -> assertThat(e).containsEntry("kind", "WAITING_FOR_PARTS").containsEntry("author", "tech1"));
        assertThat(log).anySatisfy(e -> assertThat(e).containsEntry("kind", "NOTE").containsEntry("note", "配件预计周五到货"));
        int entries = log.size();

        assertThat(Api.as(rest, "sales1").post("/api/feedback/" + smoke + "/progress", Map.of("kind", "CONTACTED")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Api.as(rest, "tech1").post("/api/feedback/" + smoke + "/progress", Map.of("kind", "NOTE")).getBody().get("errors")
                .toString()).contains("note");
        assertThat(Api.as(rest, "tech1").post("/api/feedback/" + smoke + "/progress", Map.of("kind", "ROUTED")).getBody().get("errors")
                .toString()).contains("kind");
        assertThat(Api.as(rest, "tech1").post("/api/feedback/" + smoke + "/progress", Map.of("kind", "BOGUS")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<?>) Api.as(rest, "manager1").get("/api/feedback/" + smoke).getBody().get("progress")).hasSize(entries);

        String pi = (String) Api.as(rest, "manager1").get("/api/feedback/" + consultation).getBody().get("processInstanceId");
        var task = engine.getTaskService().createTaskQuery().processInstanceId(pi).taskDefinitionKey(FeedbackService.VERIFY_TASK).singleResult();
        engine.getTaskService().complete(task.getId(), Map.of("verification", "INVALID", "invalidReason", "重复提交的测试单"));
        ResponseEntity<Map<String, Object>> closed = Api.as(rest, "center1").post("/api/feedback/" + consultation + "/progress",
                Map.of("kind", "CONTACTED"));
        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(numbers("manager1", "&status=CLOSED_INVALID")).containsExactly(consultation);
    }

    @Test
    void unknownValuesAreRefusedNamingTheParameter() {
        for (String[] bad : new String[][] {{"status", "LOST"}, {"type", "RUMOUR"}, {"urgency", "SOON"}, {"channel", "PIGEON"},
                {"team", "nobody"}, {"size", "0"}, {"size", "101"}, {"page", "-1"}, {"from", "yesterday"}, {"overdue", "maybe"}}) {
            ResponseEntity<Map<String, Object>> r = Api.as(rest, "manager1").get("/api/feedback?" + bad[0] + "=" + bad[1]);
            assertThat(r.getStatusCode()).as(bad[0]).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(r.getBody().get("errors").toString()).as(bad[0]).contains(bad[0]);
        }
    }
}
