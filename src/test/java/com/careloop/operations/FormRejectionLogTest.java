package com.careloop.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Webapp;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A form Tasklist submits with invalid input is the user's typo: 400, logged at INFO without a stack trace — on the
 * path Tasklist uses (/camunda/api/engine, the webapp session with its CSRF token), with the engine's and the REST
 * layer's loggers at their production levels (INFO).
 */
class FormRejectionLogTest extends CareLoopTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService tasks;
    @Autowired
    LoggingSystem logging;
    @LocalServerPort
    int port;

    @Test
    void anInvalidFormFromTasklistIsInfoWithoutStackTrace() throws Exception {
        String taskId = openCall();
        Webapp tasklist = Webapp.login(port, "agent1");
        assertThat(tasklist.post("/camunda/api/engine/engine/default/task/" + taskId + "/claim", "{\"userId\":\"agent1\"}").statusCode())
                .isEqualTo(204);
        List<String> loggers = List.of("org.camunda.bpm.engine.context", "org.camunda.bpm.engine.rest.exception", "org.camunda.bpm.engine");
        Map<String, LogLevel> before = new java.util.HashMap<>();
        loggers.forEach(l -> before.put(l, logging.getLoggerConfiguration(l) == null ? null : logging.getLoggerConfiguration(l).getConfiguredLevel()));
        loggers.forEach(l -> logging.setLogLevel(l, LogLevel.INFO));
        List<ILoggingEvent> events;
        try (LogCapture capture = new LogCapture()) {
            String[] invalid = {
                    // out of range
                    "{\"variables\":{\"callOutcome\":{\"value\":\"REACHED\"},\"satisfaction\":{\"value\":9,\"type\":\"Integer\"}}}",
                    // unknown enum value
                    "{\"variables\":{\"callOutcome\":{\"value\":\"MAYBE\"}}}",
                    // wrong type
                    "{\"variables\":{\"callOutcome\":{\"value\":\"REACHED\"},\"satisfaction\":{\"value\":\"very\",\"type\":\"String\"}}}",
                    // a value the engine's REST layer cannot convert
                    "{\"variables\":{\"satisfaction\":{\"value\":\"x\",\"type\":\"Integer\"}}}",
                    // a field the form does not declare
                    "{\"variables\":{\"callOutcome\":{\"value\":\"REACHED\"},\"hack\":{\"value\":1}}}",
            };
            for (String body : invalid) {
                HttpResponse<String> r = tasklist.post("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form", body);
                assertThat(r.statusCode()).as(body + " → " + r.body()).isEqualTo(400);
            }
            events = capture.events();
        } finally {
            before.forEach(logging::setLogLevel);
        }
        assertThat(events).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).extracting(LogCapture::text).isEmpty();
        assertThat(events).filteredOn(e -> e.getThrowableProxy() != null).extracting(LogCapture::text).isEmpty();
        assertThat(events).extracting(ILoggingEvent::getFormattedMessage).anyMatch(m -> m.contains("Invalid form input"));
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult()).as("the call task is still open").isNotNull();
    }

    private String openCall() {
        String externalId = "FORMLOG-" + UUID.randomUUID();
        Map<String, Object> customer = Api.as(rest, "agent1").post("/api/customers",
                Map.of("externalId", externalId, "name", "表单日志 Form log", "tier", "STANDARD")).getBody();
        Map<String, Object> followUp = Api.as(rest, "agent1").post("/api/follow-ups",
                Map.of("customerId", customer.get("id"), "scenario", "USAGE")).getBody();
        return tasks.createTaskQuery().processInstanceId((String) followUp.get("processInstanceId"))
                .taskDefinitionKey("Task_CallCustomer").singleResult().getId();
    }
}
