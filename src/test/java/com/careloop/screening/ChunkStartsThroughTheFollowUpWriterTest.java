package com.careloop.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerView;
import com.careloop.customer.CustomerRequest;
import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerTier;
import com.careloop.followup.FollowUpQueries;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 6, "two write paths per aggregate": screening chunks wrote follow_up rows with their own SQL and checked only
 * "open follow-up" and "same period" when a chunk started, so a customer who opted out, was flagged with a wrong number
 * or was called between the selection and the chunk's start was called anyway. Chunks now open follow-ups through the
 * follow-up module's one writer, which applies every exclusion at the moment of writing, as for a manual start.
 */
class ChunkStartsThroughTheFollowUpWriterTest extends CareLoopTest {

    @Autowired TestRestTemplate rest;
    @Autowired ManagementService management;
    @Autowired CustomerService customers;
    @Autowired FollowUpQueries followUps;
    @Autowired ScreeningService screening;
    @Autowired JdbcTemplate jdbc;

    @Test
    void exclusionsThatAriseAfterTheSelectionStopTheChunk() {
        String tag = "late-" + UUID.randomUUID().toString().substring(0, 6);
        Instant now = Instant.now();
        CustomerView[] c = new CustomerView[4];
        for (int i = 0; i < c.length; i++) {
            c[i] = customers.upsert(new CustomerRequest(tag + "-" + i, "客户" + i, null, "13800138000", null, CustomerTier.STANDARD, null,
                    false, tag, now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(3)), null, null, null)).customer();
        }
        ResponseEntity<Map<String, Object>> started = Api.as(rest, "manager1").post("/api/screening/runs",
                Map.of("campaign", Map.of("name", "迟到的排除 " + tag, "scenario", "PROMOTION", "tags", List.of(tag))));
        String pi = (String) started.getBody().get("processInstanceId");
        long runId = ((Number) started.getBody().get("id")).longValue();
        management.executeJob(management.createJobQuery().processInstanceId(pi).activityId("Task_SelectCandidates").singleResult().getId());
        assertThat(screening.get(runId).getCandidates()).isEqualTo(4);

        // between the selection and the chunk: one opts out, one gets a wrong number, one is called
        jdbc.update("update customer set opt_out = true where id = ?", c[0].id());
        customers.flagContactInvalid(c[1].id());
        customers.recordFollowUpContact(c[2].id());
        for (int round = 0; round < 100; round++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(pi).executable().list();
            if (jobs.isEmpty()) {
                break;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
        assertThat(followUps.byCustomerId(c[0].id())).as("opted out").isEmpty();
        assertThat(followUps.byCustomerId(c[1].id())).as("wrong number").isEmpty();
        assertThat(followUps.byCustomerId(c[2].id())).as("called meanwhile").isEmpty();
        assertThat(followUps.byCustomerId(c[3].id())).hasSize(1);
        assertThat(screening.skipped(runId)).containsEntry("OPTED_OUT", 1L).containsEntry("CONTACT_INVALID", 1L)
                .containsEntry("COOLING_PERIOD", 1L);
        assertThat(screening.created(runId)).isEqualTo(1);
    }
}
