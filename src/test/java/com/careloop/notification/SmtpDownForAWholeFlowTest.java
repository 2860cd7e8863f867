package com.careloop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.followup.FollowUpService;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Reliability: the SMTP server is down for a whole flow. A follow-up call reports two urgent issues (two feedback
 * items, each an urgent-assignment notice), both items' response deadlines remind and then escalate: six notification
 * tasks, all failing while the server is away. Each is tried five times, five minutes apart on the engine clock
 * (R5/PT5M, the tasks' retryCycle), then is an incident — none is lost: every expected notification is an incident
 * and not one mail or delivery-log row exists. The server returns, the operator retries each incident as Cockpit's
 * "Increment number of retries" does (the external task of the incident gets a retry) and every notification is
 * delivered exactly once: each recipient of each notice has one mail in GreenMail, matching the delivery log.
 */
class SmtpDownForAWholeFlowTest extends CareLoopTest {

    static final List<String> PER_ITEM = List.of("Task_NotifyUrgentAssignment", "Task_SendResponseReminder", "Task_NotifyResponseEscalation");

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ExternalTaskService externalTasks;
    @Autowired NotificationWorker notifications;
    @Autowired DeliveryLog deliveries;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void everyNotificationBecomesAnIncidentAndIsDeliveredOnceAfterTheServerReturns() throws Exception {
        Fixtures fx = new Fixtures(engine, customers, followUps);
        MAIL.stop();
        List<String> numbers;
        List<ProcessInstance> items = new ArrayList<>();
        try {
            numbers = callWithTwoUrgentIssues(fx);
            for (String number : numbers) {
                ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number)
                        .processDefinitionKey("feedbackHandling").singleResult();
                items.add(pi);
                Task verify = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_VerifyFeedback").singleResult();
                if (verify != null) {
                    fx.verifyValid(pi.getId());
                }
                fx.executeJobs(pi.getId(), "Timer_ResponseSlaReminder");
                fx.executeJobs(pi.getId(), "Timer_ResponseSlaBreached");
            }
            List<ExternalTask> expected = notificationTasks(items);
            assertThat(expected).extracting(ExternalTask::getActivityId).as("three notices per item")
                    .containsExactlyInAnyOrderElementsOf(PER_ITEM.stream().flatMap(a -> java.util.stream.Stream.of(a, a)).toList());

            // five attempts each, five minutes apart on the engine clock (the job executor is off: the test drives them)
            Date now = ClockUtil.getCurrentTime();
            ClockUtil.setCurrentTime(now);
            for (int attempt = 1; attempt <= 5; attempt++) {
                final int tried = attempt;
                for (String number : numbers) {
                    assertThat(notifications.runOnce(number)).as("attempt %d of %s: the server is down", attempt, number).isZero();
                }
                assertThat(notificationTasks(items)).as("after attempt %d", tried)
                        .extracting(ExternalTask::getRetries).containsOnly(5 - tried);
                if (tried < 5) {
                    // the engine clock moves on to just after the latest retry time (each failure locked its task 5 minutes)
                    Date retryAt = notificationTasks(items).stream().map(ExternalTask::getLockExpirationTime).max(Date::compareTo).orElseThrow();
                    Date failedAt = now;
                    assertThat(notificationTasks(items)).extracting(t -> t.getLockExpirationTime().getTime() - failedAt.getTime())
                            .as("next attempt five minutes after the failure").allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(300_000L));
                    assertThat(notifications.runOnce(numbers.get(0))).as("not before its retry time").isZero();
                    now = new Date(retryAt.getTime() + 1_000);
                    ClockUtil.setCurrentTime(now);
                }
            }
            for (String number : numbers) {
                assertThat(notifications.runOnce(number)).as("no retries left: not fetched again").isZero();
            }

            // nothing lost: every expected notification is an incident; nothing was sent or logged as sent
            List<Incident> incidents = incidents(items);
            assertThat(incidents).extracting(Incident::getConfiguration).as("one incident per notification task")
                    .containsExactlyInAnyOrderElementsOf(expected.stream().map(ExternalTask::getId).toList());
            for (String number : numbers) {
                assertThat(deliveries.byReference(number)).as("no delivery of %s yet", number).isEmpty();
            }
        } finally {
            MAIL.start();
        }
        assertThat(mailsAbout(numbers)).isEmpty();

        // the server is back: the operator retries each incident (Cockpit: "Increment number of retries" = one retry)
        List<Incident> incidents = incidents(items);
        for (Incident incident : incidents) {
            externalTasks.setRetries(incident.getConfiguration(), 1);
        }
        // some time later on the engine clock (the last failure locked its task for its retry interval too)
        ClockUtil.setCurrentTime(new Date(notificationTasks(items).stream().map(ExternalTask::getLockExpirationTime)
                .max(Date::compareTo).orElseThrow().getTime() + 1_000));
        for (String number : numbers) {
            assertThat(notifications.runOnce(number)).as("all notices of %s are sent", number).isEqualTo(3);
            assertThat(notifications.runOnce(number)).as("and only once").isZero();
        }
        assertThat(items).allSatisfy(pi -> assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero());
        assertThat(notificationTasks(items)).isEmpty();
        for (ProcessInstance pi : items) {
            List<String> passed = engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                    .finished().list().stream().map(a -> a.getActivityId()).toList();
            assertThat(passed).containsAll(PER_ITEM);
        }

        // delivered exactly once: one mail per recipient and notice, the same set as the delivery log's e-mails
        List<String> mailed = new ArrayList<>();
        for (MimeMessage m : mailsAbout(numbers)) {
            for (var to : m.getAllRecipients()) {
                mailed.add(m.getSubject() + " -> " + to);
            }
        }
        List<String> logged = numbers.stream().flatMap(n -> deliveries.byReference(n).stream())
                .filter(d -> d.channel() == Channel.EMAIL).map(d -> d.subject() + " -> " + d.recipient()).toList();
        assertThat(mailed).as("no duplicates").doesNotHaveDuplicates().isNotEmpty();
        assertThat(mailed).containsExactlyInAnyOrderElementsOf(logged);
        Map<String, Long> noticesPerItem = numbers.stream().collect(Collectors.toMap(n -> n,
                n -> deliveries.byReference(n).stream().map(Delivery::type).distinct().count()));
        assertThat(noticesPerItem).as("three kinds of notice per item").allSatisfy((n, kinds) -> assertThat(kinds).isEqualTo(3L));
    }

    private List<Incident> incidents(List<ProcessInstance> items) {
        return items.stream().flatMap(pi -> runtime.createIncidentQuery().incidentType(Incident.EXTERNAL_TASK_HANDLER_TYPE)
                .processInstanceId(pi.getId()).list().stream()).toList();
    }

    private List<ExternalTask> notificationTasks(List<ProcessInstance> items) {
        return externalTasks.createExternalTaskQuery().topicName(NotificationWorker.TOPIC)
                .processInstanceIdIn(items.stream().map(ProcessInstance::getId).toArray(String[]::new)).list();
    }

    @AfterEach
    void engineClockBackToRealTime() {
        ClockUtil.reset();
    }

    /** agent1 makes the call over REST as Tasklist does and reports an urgent complaint and an urgent problem. */
    private List<String> callWithTwoUrgentIssues(Fixtures fx) throws Exception {
        Api agent = Api.as(rest, "agent1");
        ResponseEntity<Map<String, Object>> customer = agent.post("/api/customers", Map.of("externalId",
                "SMTP-" + UUID.randomUUID().toString().substring(0, 8), "name", "孙丽", "phone", "13700004444", "tier", "STANDARD"));
        assertThat(customer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> started = agent.post("/api/follow-ups", Map.of("customerId", customer.getBody().get("id"), "scenario", "NEW_PURCHASE")).getBody();
        String processInstanceId = (String) started.get("processInstanceId");
        String taskId = json.readTree(agent.getRaw("/engine-rest/task?processInstanceId=" + processInstanceId
                + "&taskDefinitionKey=" + FollowUpService.CALL_TASK).getBody()).get(0).get("id").asText();
        assertThat(agent.postRaw("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"agent1\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("callOutcome", Map.of("value", "REACHED"));
        v.put("satisfaction", Map.of("value", 1, "type", "Long"));
        v.put("nps", Map.of("value", 0, "type", "Long"));
        v.put("feedbackType", Map.of("value", "COMPLAINT"));
        v.put("feedbackUrgency", Map.of("value", "URGENT"));
        v.put("feedbackText", Map.of("value", "安装师傅没有按时上门"));
        v.put("issue2Type", Map.of("value", "PROBLEM"));
        v.put("issue2Urgency", Map.of("value", "URGENT"));
        v.put("issue2Text", Map.of("value", "机器无法开机"));
        ResponseEntity<String> submitted = agent.postRaw("/engine-rest/task/" + taskId + "/submit-form", json.writeValueAsString(Map.of("variables", v)));
        assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        fx.startFeedbackHandling(processInstanceId);
        @SuppressWarnings("unchecked")
        List<String> numbers = (List<String>) Api.as(rest, "manager1").get("/api/follow-ups/" + started.get("number")).getBody().get("feedbackNumbers");
        assertThat(numbers).hasSize(2);
        return numbers;
    }

    private static List<MimeMessage> mailsAbout(List<String> numbers) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> numbers.stream().anyMatch(n -> subject(m).contains(n))).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
