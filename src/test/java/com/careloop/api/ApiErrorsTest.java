package com.careloop.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.followup.FollowUpView;
import com.careloop.followup.FollowUpService;
import com.careloop.followup.Scenario;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Issue 11.13: every /api error is application/problem+json — unknown path, wrong method, a body too large,
 * an unexpected failure — never Spring's default error JSON or a stack trace; bad form input is an INFO line.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiErrorsTest extends CareLoopTest {

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired LoggingSystem logging;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void unknownPathIs404Problem() throws Exception {
        assertProblem(call(HttpMethod.GET, "/api/no-such-thing", null, MediaType.APPLICATION_JSON), 404);
        assertProblem(call(HttpMethod.GET, "/api/feedback/FB000/nope/deeper", null, MediaType.APPLICATION_JSON), 404);
    }

    @Test
    void wrongMethodIs405Problem() throws Exception {
        assertProblem(call(HttpMethod.DELETE, "/api/feedback", null, MediaType.APPLICATION_JSON), 405);
    }

    @Test
    void aFiftyMegabyteFieldIs413ProblemSayingWhy() throws Exception {
        String huge = "{\"customerId\":1,\"type\":\"COMPLAINT\",\"description\":\"" + "啊".repeat(50 * 1024 * 1024 / 3) + "\"}";
        JsonNode body = assertProblem(call(HttpMethod.POST, "/api/feedback", huge, MediaType.APPLICATION_JSON), 413);
        assertThat(body.path("detail").asText()).contains("MB");
    }

    @Test
    void unexpectedFailureIs500ProblemWithoutStackTrace() throws Exception {
        ResponseEntity<String> r = call(HttpMethod.GET, FailureProbe.PATH, null, MediaType.APPLICATION_JSON);
        JsonNode body = assertProblem(r, 500);
        assertThat(r.getBody()).doesNotContain("IllegalStateException", "at com.careloop", FailureProbe.SECRET);
        assertThat(body.path("detail").asText()).isNotBlank();
    }

    @Test
    void invalidFormInputLogsAtInfoWithoutStackTrace(CapturedOutput output) throws Exception {
        Fixtures fx = new Fixtures(engine, customers, followUps);
        FollowUpView f = fx.followUp(fx.customer(), Scenario.USAGE);
        String taskId = fx.task(f.processInstanceId(), "Task_CallCustomer").getId();
        engine.getTaskService().claim(taskId, "agent1");
        LogLevel quietInTests = logging.getLoggerConfigurations().stream()
                .filter(c -> c.getName().equals("org.camunda.bpm.engine.context")).findFirst()
                .map(c -> c.getConfiguredLevel()).orElse(null);
        logging.setLogLevel("org.camunda.bpm.engine.context", LogLevel.INFO);
        try {
            String bad = json.writeValueAsString(Map.of("variables", Map.of(
                    "callOutcome", Map.of("value", "REACHED"), "satisfaction", Map.of("value", 9, "type", "Integer"))));
            HttpHeaders h = new HttpHeaders();
            h.setBasicAuth("agent1", "agent1");
            h.setContentType(MediaType.APPLICATION_JSON);
            ResponseEntity<String> r = rest.exchange("/engine-rest/task/" + taskId + "/submit-form", HttpMethod.POST,
                    new HttpEntity<>(bad, h), String.class);
            assertThat(r.getStatusCode().value()).isEqualTo(400);
        } finally {
            logging.setLogLevel("org.camunda.bpm.engine.context", quietInTests);
        }
        assertThat(output.getOut()).contains("INFO").contains("Invalid form input").contains("satisfaction");
        assertThat(output.getOut().lines().filter(l -> l.contains("ERROR"))).isEmpty();
        assertThat(output.getOut()).doesNotContain("FormFieldValidationException:").doesNotContain("\tat org.camunda");
    }

    private ResponseEntity<String> call(HttpMethod method, String path, String body, MediaType type) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth("demo", "demo");
        h.setContentType(type);
        h.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return rest.exchange(path, method, new HttpEntity<>(body, h), String.class);
    }

    private JsonNode assertProblem(ResponseEntity<String> r, int status) throws Exception {
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(status);
        assertThat(r.getHeaders().getContentType()).as(r.getBody()).isNotNull();
        assertThat(r.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as(String.valueOf(r.getHeaders().getContentType())).isTrue();
        JsonNode body = json.readTree(r.getBody());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.has("title")).isTrue();
        assertThat(body.has("timestamp")).as("not Spring's default error JSON").isFalse();
        assertThat(body.has("trace")).isFalse();
        return body;
    }
}
