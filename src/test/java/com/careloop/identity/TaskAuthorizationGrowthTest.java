package com.careloop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 10,000 calls created the way production creates them (CSV import, one campaign run on the jobs): the
 * authorization table grows by at most one row per call that gets an assignee outside the definition grants —
 * here none, since every held call belongs to an agent. Slow (tag "slow"): run by .ci/run, not by a plain verify.
 */
@Tag("slow")
class TaskAuthorizationGrowthTest extends CareLoopTest {

    static final int CALLS = 10_000;

    @Autowired TestRestTemplate rest;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;

    @Test
    void tenThousandCallsAddNoPerTaskAuthorizations() {
        String tag = "growth" + UUID.randomUUID().toString().substring(0, 6);
        StringBuilder csv = new StringBuilder("externalId,name,tier,accountAgent,lastPurchaseAt,tags\n");
        String purchased = LocalDate.now().minusDays(200).toString();
        for (int i = 0; i < CALLS; i++) {
            boolean vip = i % 100 == 0;
            csv.append(tag).append('-').append(i).append(",客户").append(i).append(',').append(vip ? "VIP" : "STANDARD").append(',')
                    .append(vip ? "agent1" : "").append(',').append(purchased).append(',').append(tag).append('\n');
        }
        HttpHeaders h = new HttpHeaders();
        h.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
        h.setBasicAuth("manager1", "manager1");
        assertThat(rest.exchange("/api/customers/import", HttpMethod.POST, new HttpEntity<>(csv.toString(), h), String.class)
                .getStatusCode().is2xxSuccessful()).isTrue();

        long rowsBefore = taskAuthorizations();
        var started = Api.as(rest, "manager1").post("/api/screening/runs",
                Map.of("campaign", Map.of("name", tag, "scenario", "USAGE", "tags", List.of(tag))));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        drive();

        long calls = jdbc.queryForObject("select count(*) from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_ "
                + "where e.business_key_ in (select number from follow_up f join customer c on c.id = f.customer_id where c.tags = ?)",
                Long.class, tag);
        assertThat(calls).isEqualTo(CALLS);
        long assignedOutsideGrants = 0; // every assignee here is an agent: the agents' definition grant covers it
        assertThat(taskAuthorizations() - rowsBefore).isLessThanOrEqualTo(assignedOutsideGrants);
    }

    long taskAuthorizations() {
        return jdbc.queryForObject("select count(*) from act_ru_authorization where resource_type_ = ?", Long.class,
                Resources.TASK.resourceType());
    }

    /** Runs every executable job (the run's selection and chunks) until none is left. */
    void drive() {
        for (int round = 0; round < 1000; round++) {
            List<Job> jobs = management.createJobQuery().processDefinitionKey("screening").executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                management.executeJob(job.getId());
            }
        }
        throw new AssertionError("screening jobs keep coming");
    }
}
