package com.careloop.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.CareLoopTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16, "every call is attributed to the key's name in history": a follow-up started over POST /api/follow-ups
 * keeps who started it — apikey:&lt;name&gt; for a system's key, the user id for a person — as the followUp process's
 * variable startedBy in the engine history (Cockpit).
 */
class FollowUpStartedByTest extends CareLoopTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    HistoryService history;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aFollowUpStartedWithAnApiKeyIsAttributedToTheKeyAndOneStartedByAPersonToThePerson() throws Exception {
        String name = "crm-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> key = call(basic("demo"), "/api/api-keys",
                "{\"name\":\"" + name + "\",\"scopes\":[\"customers:write\",\"followups:write\"]}");
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        String bearer = "Bearer " + JSON.readTree(key.body()).path("key").asText();

        JsonNode byKey = start(bearer);
        assertThat(startedBy(byKey.path("processInstanceId").asText())).isEqualTo("apikey:" + name);
        JsonNode byPerson = start(basic("manager1"));
        assertThat(startedBy(byPerson.path("processInstanceId").asText())).isEqualTo("manager1");
    }

    private JsonNode start(String authorization) throws Exception {
        HttpResponse<String> customer = call(authorization, "/api/customers", "{\"externalId\":\"SB-" + UUID.randomUUID()
                + "\",\"name\":\"归属测试 Attribution\",\"phone\":\"01066660000\"}");
        assertThat(customer.statusCode()).as(customer.body()).isEqualTo(201);
        long customerId = JSON.readTree(customer.body()).path("id").asLong();
        HttpResponse<String> started = call(authorization, "/api/follow-ups", "{\"customerId\":" + customerId + ",\"scenario\":\"NEW_PURCHASE\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return JSON.readTree(started.body());
    }

    private String startedBy(String processInstanceId) {
        HistoricVariableInstance v = history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName(FollowUpService.STARTED_BY).singleResult();
        assertThat(v).as("startedBy in the history of %s", processInstanceId).isNotNull();
        return (String) v.getValue();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> call(String authorization, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
