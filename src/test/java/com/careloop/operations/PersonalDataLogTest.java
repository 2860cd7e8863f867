package com.careloop.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.careloop.notification.NotificationWorker;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * No phone number, name or free text of a customer in any log line: the demo data's customers (names and the
 * demo's phone-number scheme) go through what the demo does — created (also with invalid input), called (also with
 * an invalid form), a complaint and inbound feedback with their names and numbers in the free text, dialled, read,
 * their jobs and notifications run — while every log event of the JVM is captured, engine loggers at INFO.
 */
class PersonalDataLogTest extends CareLoopTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    NotificationWorker notifications;
    @Autowired
    LoggingSystem logging;

    @Test
    void theDemoCustomersNamesAndNumbersAppearInNoLogLine() throws Exception {
        List<String> names = demoNames().subList(0, 6);
        List<String> secrets = new ArrayList<>();
        LogLevel engineContext = logging.getLoggerConfiguration("org.camunda.bpm.engine.context").getConfiguredLevel();
        logging.setLogLevel("org.camunda.bpm.engine.context", LogLevel.INFO);
        List<ILoggingEvent> events;
        try (LogCapture capture = new LogCapture()) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                String phone = String.format("1380013%04d", 1000 + i);
                String email = "pii" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
                secrets.addAll(List.of(name, phone, email));
                process(i, name, phone, email);
            }
            events = capture.events();
        } finally {
            logging.setLogLevel("org.camunda.bpm.engine.context", engineContext);
        }
        assertThat(events).as("log events captured").hasSizeGreaterThan(5);
        List<String> leaks = new ArrayList<>();
        for (ILoggingEvent e : events) {
            String line = LogCapture.text(e);
            for (String secret : secrets) {
                if (line.contains(secret)) {
                    leaks.add(secret + " in: " + (line.length() > 400 ? line.substring(0, 400) + "…" : line));
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    private void process(int i, String name, String phone, String email) {
        Api agent = Api.as(rest, "agent1");
        String externalId = "PII-" + UUID.randomUUID();
        // invalid input first: a bad phone and e-mail, a name that is far too long
        assertThat(agent.postRaw("/api/customers", json(Map.of("externalId", externalId, "name", name, "phone", phone + "x",
                "email", email.replace("@", "#"), "tier", "STANDARD"))).getStatusCode().value()).isEqualTo(400);
        assertThat(agent.postRaw("/api/customers", json(Map.of("externalId", externalId, "name", name.repeat(200), "phone", phone)))
                .getStatusCode().value()).isEqualTo(400);
        Map<String, Object> customer = agent.post("/api/customers", Map.of("externalId", externalId, "name", name, "phone", phone,
                "email", email, "tier", i % 3 == 0 ? "VIP" : "STANDARD", "company", name + "公司")).getBody();
        Object customerId = customer.get("id");
        agent.get("/api/customers/" + customerId);
        Map<String, Object> followUp = agent.post("/api/follow-ups", Map.of("customerId", customerId, "scenario", "NEW_PURCHASE")).getBody();
        String processInstanceId = (String) followUp.get("processInstanceId");
        String number = (String) followUp.get("number");
        Task call = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey("Task_CallCustomer").singleResult();
        assertThat(agent.postRaw("/engine-rest/task/" + call.getId() + "/claim", "{\"userId\":\"agent1\"}").getStatusCode().value()).isEqualTo(204);
        agent.postRaw("/api/follow-ups/" + number + "/dial", "{}");
        String text = name + " 说 " + phone + " 的热水器坏了，邮件 " + email;
        // an invalid form, then the call with a complaint naming the customer in free text
        assertThat(agent.postRaw("/engine-rest/task/" + call.getId() + "/submit-form", form(Map.of("callOutcome", "REACHED",
                "satisfaction", 9, "feedbackText", text))).getStatusCode().value()).isEqualTo(400);
        Map<String, Object> reached = new HashMap<>(Map.of("callOutcome", "REACHED", "satisfaction", 2, "nps", 3,
                "scoreAttitude", 2, "scoreTimeliness", 1, "issueResolved", false, "feedbackType", "COMPLAINT",
                "feedbackUrgency", "URGENT", "feedbackText", text));
        ResponseEntity<String> submitted = agent.postRaw("/engine-rest/task/" + call.getId() + "/submit-form", form(reached));
        assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isIn(200, 204);
        runJobs(processInstanceId);
        ResponseEntity<Map<String, Object>> inbound = Api.as(rest, "center1").post("/api/feedback", Map.of("customerId", customerId,
                "type", "PROBLEM", "urgency", "URGENT", "description", text));
        assertThat(inbound.getStatusCode().value()).isEqualTo(201);
        runJobs(processInstanceId);
        if (inbound.getBody().get("processInstanceId") instanceof String feedbackProcess) {
            runJobs(feedbackProcess);
        }
        notifications.runOnce();
        agent.get("/api/follow-ups/" + number);
    }

    /** The process instance's jobs and those of its sub-processes, as the job executor would run them. */
    private void runJobs(String processInstanceId) {
        for (int round = 0; round < 5; round++) {
            List<String> instances = new ArrayList<>(List.of(processInstanceId));
            runtime.createProcessInstanceQuery().superProcessInstanceId(processInstanceId).list().stream()
                    .map(ProcessInstance::getId).forEach(instances::add);
            List<Job> due = management.createJobQuery().processInstanceIds(new java.util.HashSet<>(instances)).executable().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException failed) {
                    // a failing job is logged like on the job executor: the scan below covers that line too
                }
            }
        }
    }

    private static String form(Map<String, Object> values) {
        StringBuilder sb = new StringBuilder("{\"variables\":{");
        values.forEach((k, v) -> sb.append(sb.length() > 14 ? "," : "").append(json(k)).append(":{\"value\":").append(json(v)).append('}'));
        return sb.append("}}").toString();
    }

    private static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The demo data's customer names (demo/DemoData). */
    @SuppressWarnings("unchecked")
    private static List<String> demoNames() throws Exception {
        java.lang.reflect.Field field = Class.forName("com.careloop.demo.DemoData").getDeclaredField("NAMES");
        field.setAccessible(true);
        return List.of((String[]) field.get(null));
    }
}
