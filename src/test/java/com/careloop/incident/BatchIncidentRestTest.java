package com.careloop.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.feedback.FeedbackRef;
import com.careloop.feedback.FeedbackType;
import com.careloop.testsupport.Api;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code GET /api/incidents/batch?status=}: who may read it, what it says, and a bad status. */
class BatchIncidentRestTest extends BatchIncidentTestSupport {

    @Autowired TestRestTemplate rest;

    @Test
    void listsTheOpenIncidentWithItsItemsForSupervisorsManagersProductAndAfterSales() {
        FeedbackRef a = register(FeedbackType.PROBLEM, null);
        FeedbackRef b = register(FeedbackType.PROBLEM, null);
        FeedbackRef c = register(FeedbackType.COMPLAINT, null);
        BatchIncidents.BatchIncident incident = incidentsOfModel().get(0);

        for (String user : List.of("supervisor1", "manager1", "product1", "tech1", "demo")) {
            ResponseEntity<List<Map<String, Object>>> open = Api.as(rest, user).getList("/api/incidents/batch?status=OPEN");
            assertThat(open.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            assertThat(open.getBody()).filteredOn(i -> model.equals(i.get("productModel"))).singleElement().satisfies(i -> {
                assertThat(i).containsEntry("batch", BATCH).containsEntry("itemCount", 3).containsEntry("status", "OPEN")
                        .containsEntry("processInstanceId", incident.processInstanceId()).containsEntry("number", incident.number());
                assertThat(((Number) i.get("id")).longValue()).isEqualTo(incident.id());
                assertThat(i.get("feedbackNumbers")).isEqualTo(List.of(a.number(), b.number(), c.number()));
            });
        }
        assertThat(Api.as(rest, "supervisor1").getList("/api/incidents/batch?status=closed").getBody())
                .noneMatch(i -> model.equals(i.get("productModel")));
        assertThat(Api.as(rest, "supervisor1").getList("/api/incidents/batch").getBody())
                .anyMatch(i -> model.equals(i.get("productModel")));
    }

    @Test
    void agentsAreRefusedAndABadStatusIsA400NamingIt() {
        ResponseEntity<String> agent = Api.as(rest, "agent1").getRaw("/api/incidents/batch");
        assertThat(agent.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(agent.getHeaders().getContentType().toString()).contains("problem+json");

        ResponseEntity<Map<String, Object>> bad = Api.as(rest, "supervisor1").get("/api/incidents/batch?status=MAYBE");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("errors").toString()).contains("status");
    }
}
