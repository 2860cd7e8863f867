package com.careloop.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerView;
import com.careloop.customer.CustomerRequest;
import com.careloop.customer.CustomerService;
import org.springframework.jdbc.core.JdbcTemplate;
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
import org.springframework.http.ResponseEntity;

/** /api/follow-ups and /api/feedback on PostgreSQL. */
class FollowUpAndFeedbackApiTest extends CareLoopTest {

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired JdbcTemplate jdbc;

    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(engine, customers, followUps);
    }

    @Test
    void startsAFollowUpAndReadsItBack() {
        CustomerView c = fx.customer();
        ResponseEntity<Map<String, Object>> created = Api.as(rest, "supervisor1").post("/api/follow-ups",
                Map.of("customerId", c.id(), "scenario", "NEW_PURCHASE"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String number = (String) created.getBody().get("number");
        assertThat(number).matches("FU-\\d{8}-\\d{6}");
        assertThat(created.getHeaders().getLocation().toString()).endsWith("/api/follow-ups/" + number);
        assertThat(created.getBody()).containsKeys("id", "processInstanceId", "dueAt").containsEntry("status", "OPEN")
                .containsEntry("scenario", "NEW_PURCHASE");
        String pi = (String) created.getBody().get("processInstanceId");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey())
                .isEqualTo(number);

        ResponseEntity<Map<String, Object>> read = Api.as(rest, "agent1").get("/api/follow-ups/" + number);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody()).containsEntry("number", number).containsEntry("customerExternalId", c.externalId());

        ResponseEntity<List<Map<String, Object>>> list = Api.as(rest, "agent1").getList("/api/follow-ups?customerExternalId=" + c.externalId());
        assertThat(list.getBody()).extracting(m -> m.get("number")).containsExactly(number);
    }

    @Test
    void refusesBadStartsWithAClearErrorAndCreatesNothing() {
        long before = jdbc.queryForObject("select count(*) from follow_up", Long.class);
        ResponseEntity<Map<String, Object>> missing = Api.as(rest, "agent1").post("/api/follow-ups", Map.of());
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().get("errors").toString()).contains("customerId");

        ResponseEntity<Map<String, Object>> badScenario = Api.as(rest, "agent1").post("/api/follow-ups",
                Map.of("customerId", fx.customer().id(), "scenario", "SOMETIME"));
        assertThat(badScenario.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badScenario.getBody().get("errors").toString()).contains("scenario");

        ResponseEntity<Map<String, Object>> unknown = Api.as(rest, "agent1").post("/api/follow-ups",
                Map.of("customerId", 987654321, "scenario", "USAGE"));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().get("errors").toString()).contains("customerId").contains("does not exist");

        CustomerView optedOut = customers.upsert(new CustomerRequest("OPT-" + System.nanoTime(), "拒访客户", null, null, null, null,
                null, true, null, null, null, null, null, null)).customer();
        ResponseEntity<Map<String, Object>> optOut = Api.as(rest, "agent1").post("/api/follow-ups",
                Map.of("customerId", optedOut.id(), "scenario", "USAGE"));
        assertThat(optOut.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(jdbc.queryForObject("select count(*) from follow_up", Long.class)).isEqualTo(before);

        CustomerView c = fx.customer();
        assertThat(Api.as(rest, "agent1").post("/api/follow-ups", Map.of("customerId", c.id(), "scenario", "USAGE"))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map<String, Object>> second = Api.as(rest, "agent1").post("/api/follow-ups",
                Map.of("customerId", c.id(), "scenario", "CHURN_RISK"));
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) second.getBody().get("detail")).contains("already has open follow-up");

        assertThat(Api.as(rest, "agent1").get("/api/follow-ups").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(Api.as(rest, "agent1").get("/api/follow-ups/FU-19990101-000001").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(Api.as(rest, "product1").post("/api/follow-ups", Map.of("customerId", c.id(), "scenario", "USAGE"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void registersInboundFeedbackAndShowsItsProgress() {
        CustomerView c = fx.customer();
        ResponseEntity<Map<String, Object>> created = Api.as(rest, "center1").post("/api/feedback",
                Map.of("customerId", c.id(), "type", "PROBLEM", "urgency", "URGENT", "description", "设备冒烟"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String number = (String) created.getBody().get("number");
        assertThat(number).matches("FB\\d{12}");
        ResponseEntity<Map<String, Object>> read = Api.as(rest, "tech1").get("/api/feedback/" + number);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody()).containsEntry("department", "aftersales-tech").containsEntry("status", "AWAITING_RESPONSE")
                .containsEntry("source", "INBOUND").containsKeys("responseDueAt", "resolutionDueAt", "progress");
        assertThat(read.getBody().get("progress").toString()).contains("CREATED").contains("ROUTED");

        ResponseEntity<Map<String, Object>> bad = Api.as(rest, "center1").post("/api/feedback", Map.of("type", "RUMOUR"));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("errors").toString()).contains("type");
        ResponseEntity<Map<String, Object>> missing = Api.as(rest, "center1").post("/api/feedback", Map.of("type", "PROBLEM"));
        assertThat(missing.getBody().get("errors").toString()).contains("customerId").contains("description");
        assertThat(Api.as(rest, "center1").get("/api/feedback/FB000000000000").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
