package com.careloop.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerView;
import com.careloop.customer.CustomerService;
import com.careloop.followup.FollowUpQueries;
import com.careloop.followup.FollowUpService;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 11 item 6: 50 parallel manual starts for one customer and scenario gave six follow-ups (a manual start
 * has no period key, so the period index did not apply). The database now allows one open follow-up per customer;
 * exactly one start wins, the others are 409 with a clear message.
 */
class ConcurrentFollowUpStartTest extends CareLoopTest {

    static final int PARALLEL = 50;

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired FollowUpQueries followUpQueries;

    @Test
    void fiftyParallelStartsForOneCustomerCreateExactlyOneFollowUp() throws Exception {
        CustomerView c = new Fixtures(engine, customers, followUps).customer();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        List<Future<ResponseEntity<Map<String, Object>>>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < PARALLEL; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return Api.as(rest, "supervisor1").post("/api/follow-ups", Map.of("customerId", c.id(), "scenario", "USAGE"));
                }));
            }
            go.countDown();
            List<HttpStatus> statuses = new ArrayList<>();
            List<String> conflicts = new ArrayList<>();
            for (var call : calls) {
                ResponseEntity<Map<String, Object>> r = call.get(120, TimeUnit.SECONDS);
                statuses.add(HttpStatus.valueOf(r.getStatusCode().value()));
                if (r.getStatusCode() == HttpStatus.CONFLICT) {
                    conflicts.add((String) r.getBody().get("detail"));
                }
            }
            assertThat(statuses).as("one 201, the rest 409").containsOnly(HttpStatus.CREATED, HttpStatus.CONFLICT);
            assertThat(statuses.stream().filter(s -> s == HttpStatus.CREATED).count()).isEqualTo(1);
            assertThat(conflicts).hasSize(PARALLEL - 1)
                    .allSatisfy(d -> assertThat(d).contains(c.externalId()).contains("already has open follow-up"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(followUpQueries.byCustomerId(c.id())).hasSize(1);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(FollowUpService.PROCESS_KEY)
                .processInstanceBusinessKey(followUpQueries.byCustomerId(c.id()).get(0).number())
                .count()).isEqualTo(1);
    }
}
