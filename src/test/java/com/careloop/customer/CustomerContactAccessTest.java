package com.careloop.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 17 (PIPL), GET /api/customers/{id} as the users call it: phone and e-mail unmasked only for cs-managers and the
 * assignee of an open task of the customer, each such read audited in the contact-access audit; masked for supervisors
 * and for agents an unclaimed call is offered to; 404 for an agent without a task, so counting ids finds no one.
 */
class CustomerContactAccessTest extends CareLoopTest {

    @Autowired TestRestTemplate rest;
    @Autowired TaskService tasks;

    private long customer(String phone, String email) {
        String ext = "P-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<Map<String, Object>> created = Api.as(rest, "manager1").post("/api/customers",
                Map.of("externalId", ext, "name", "隐私客户 " + ext, "phone", phone, "email", email));
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).as("a write's answer is masked").containsEntry("phone", MaskedPhone.of(phone))
                .containsEntry("email", MaskedEmail.of(email));
        return ((Number) created.getBody().get("id")).longValue();
    }

    private ResponseEntity<Map<String, Object>> read(String user, long id) {
        return Api.as(rest, user).get("/api/customers/" + id);
    }

    private String startCall(long customerId) {
        return (String) started(customerId).get("processInstanceId");
    }

    private Map<String, Object> started(long customerId) {
        ResponseEntity<Map<String, Object>> started = Api.as(rest, "manager1").post("/api/follow-ups",
                Map.of("customerId", customerId, "scenario", "NEW_PURCHASE"));
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.CREATED);
        return started.getBody();
    }

    private List<Map<String, Object>> auditOf(String user) {
        ResponseEntity<Map<String, Object>> r = Api.as(rest, "manager1").get("/api/audit/contact-access?size=200&user=" + user);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) r.getBody().get("items");
        return items;
    }

    private static List<Map<String, Object>> readsOf(List<Map<String, Object>> audit, long customerId) {
        return audit.stream().filter(e -> "CUSTOMER".equals(e.get("subject")) && "READ".equals(e.get("outcome"))
                && e.get("customerId") instanceof Number n && n.longValue() == customerId).toList();
    }

    @Test
    void anAgentSeesTheContactDataOnlyAsTheAssigneeOfAnOpenTaskAndEveryUnmaskedReadIsAudited() {
        long id = customer("13800001000", "wang.fang@example.com");
        int agentReadsBefore = auditOf("agent1").size();

        // no task: agent1 does not find the customer at all
        assertThat(read("agent1", id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // supervisors see the customer masked, managers and the administrator unmasked
        ResponseEntity<Map<String, Object>> supervisor = read("supervisor1", id);
        assertThat(supervisor.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(supervisor.getBody()).containsEntry("phone", "138****1000").containsEntry("email", "w***@example.com");
        assertThat(read("manager1", id).getBody()).containsEntry("phone", "13800001000").containsEntry("email", "wang.fang@example.com");
        assertThat(read("demo", id).getBody()).containsEntry("phone", "13800001000");

        // an unclaimed call is offered to every agent: masked
        Map<String, Object> followUp = started(id);
        String call = (String) followUp.get("processInstanceId");
        ResponseEntity<Map<String, Object>> offered = read("agent1", id);
        assertThat(offered.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(offered.getBody()).containsEntry("phone", "138****1000").containsEntry("email", "w***@example.com");

        // agent1 claims it (as Tasklist does): agent1 reads it unmasked, agent2 no longer finds the customer
        Task task = tasks.createTaskQuery().processInstanceId(call).taskDefinitionKey("Task_CallCustomer").singleResult();
        ResponseEntity<String> claimed = Api.as(rest, "agent1").postRaw("/engine-rest/task/" + task.getId() + "/claim",
                "{\"userId\":\"agent1\"}");
        assertThat(claimed.getStatusCode()).as(claimed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<Map<String, Object>> assignee = read("agent1", id);
        assertThat(assignee.getBody()).containsEntry("phone", "13800001000").containsEntry("email", "wang.fang@example.com");
        assertThat(assignee.getHeaders().getCacheControl()).contains("no-store");
        assertThat(read("agent2", id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(read("supervisor1", id).getBody()).containsEntry("phone", "138****1000");

        // the audit: agent1's one unmasked read with its task, the managers' reads; masked answers are not audited
        List<Map<String, Object>> agentReads = readsOf(auditOf("agent1"), id);
        assertThat(agentReads).hasSize(1);
        assertThat(agentReads.get(0)).containsEntry("taskId", task.getId()).containsEntry("detail", "ASSIGNEE")
                .containsEntry("adapter", "api").doesNotContainValue("13800001000");
        assertThat(auditOf("agent1")).hasSize(agentReadsBefore + 1);
        assertThat(readsOf(auditOf("manager1"), id)).hasSize(1).allSatisfy(e -> assertThat(e).containsEntry("detail", "MANAGER"));
        assertThat(readsOf(auditOf("demo"), id)).hasSize(1);
        assertThat(readsOf(auditOf("supervisor1"), id)).isEmpty();
        assertThat(readsOf(auditOf("agent2"), id)).isEmpty();

        // the open call holds an erase request up, named in the answer
        ResponseEntity<Map<String, Object>> erase = Api.as(rest, "manager1")
                .delete("/api/customers/" + assignee.getBody().get("externalId") + "/personal-data");
        assertThat(erase.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(erase.getBody()).containsEntry("reason", "OPEN_CASES");
        assertThat((String) erase.getBody().get("detail")).contains((String) followUp.get("number"));

        // once the call is recorded (wrong number: the follow-up closes), agent1 no longer finds the customer
        tasks.complete(task.getId(), Map.of("callOutcome", "WRONG_NUMBER"));
        assertThat(read("agent1", id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(readsOf(auditOf("agent1"), id)).hasSize(1);
    }

    @Test
    void anAgentCannotEnumerateCustomersByCountingIds() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(customer("1380000200" + i, "count" + i + "@example.com"));
        }
        // the one with a call assigned to agent2: still nothing for agent1
        String call = startCall(ids.get(0));
        tasks.claim(tasks.createTaskQuery().processInstanceId(call).singleResult().getId(), "agent2");
        long last = ids.get(ids.size() - 1);
        for (long id = Math.max(1, ids.get(0) - 5); id <= last + 2; id++) {
            ResponseEntity<Map<String, Object>> r = read("agent1", id);
            if (r.getStatusCode() == HttpStatus.OK) {
                // only customers with an open task offered to agent1 (other tests' unclaimed calls), and masked
                Object phone = r.getBody().get("phone");
                assertThat(phone == null || ((String) phone).contains("****")).as("customer " + id + ": " + phone).isTrue();
            } else {
                assertThat(r.getStatusCode()).as("customer " + id).isEqualTo(HttpStatus.NOT_FOUND);
            }
        }
        for (long id : ids) {
            assertThat(read("agent1", id).getStatusCode()).as("customer " + id).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(read("tech1", id).getStatusCode()).as("customer " + id).isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(readsOf(auditOf("agent1"), ids.get(0))).isEmpty();
    }
}
