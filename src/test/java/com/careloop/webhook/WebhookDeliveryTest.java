package com.careloop.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.feedback.FeedbackService;
import com.careloop.feedback.FeedbackType;
import com.careloop.feedback.InboundFeedbackRequest;
import com.careloop.feedback.Urgency;
import com.careloop.followup.FollowUpService;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhook delivery against a listener on 127.0.0.1:18099 (the tests' allowed target): signed with the subscription's
 * secret, in order per aggregate (a later event waits while an earlier one is retried), retried after 500s until a
 * 2xx, FAILED once the retry window has passed (moved by setting retry_from a day back, no waiting), no customer's
 * words unless includeFreeText, outbox rows only for committed changes; listed and redelivered over REST. A given-up
 * delivery (the window shortened to 2 s through the worker) starts bpmn/webhookDeliveryFailed.bpmn, whose failing
 * redelivery is an incident naming subscription, event, delivery and last response; Cockpit's retry (one job retry)
 * or a redelivery over REST that gets through ends it. The tests retry after 1, 2, 4 seconds (application-test.yml).
 */
class WebhookDeliveryTest extends CareLoopTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "hook-secret-0123456789";
    private static final String WORDS = "屏幕碎了 the screen cracked";

    /** What the listener received, per path; the responses it gives, per path (then 200). */
    record Received(String path, Map<String, String> headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static HttpServer server;
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Map<String, List<Integer>> SCRIPTED = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    /** Paths answered 500 until removed. */
    private static final Set<String> DOWN = ConcurrentHashMap.newKeySet();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    CustomerService customers;
    @Autowired
    FollowUpService followUps;
    @Autowired
    FeedbackService feedback;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MeterRegistry meters;
    @Autowired
    WebhookDeliveryWorker worker;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    private Fixtures fx;
    private final List<Long> subscriptions = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void listen() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 18099), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            RECEIVED.add(new Received(path, headers, body));
            int call = CALLS.computeIfAbsent(path, p -> new AtomicInteger()).getAndIncrement();
            List<Integer> script = SCRIPTED.getOrDefault(path, List.of());
            int status = call < script.size() ? script.get(call) : path.startsWith("/down") || DOWN.contains(path) ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @BeforeEach
    void fixtures() {
        fx = new Fixtures(engine, customers, followUps);
        init(engine);
    }

    @AfterEach
    void unsubscribe() throws Exception {
        for (long id : subscriptions) {
            call("manager1", "DELETE", "/api/webhooks/" + id, null);
        }
    }

    @Test
    void aDeliveryIsSignedWithTheSecretAndCarriesTheCustomersWordsOnlyWhenAsked() throws Exception {
        String plain = "/plain-" + System.nanoTime();
        String words = "/words-" + System.nanoTime();
        long plainId = subscribe(plain, List.of("feedback.created", "feedback.status-changed"), false);
        subscribe(words, List.of("feedback.created"), true);
        long item = register();

        List<Received> got = await(plain, item, 2);
        Received created = got.get(0);
        assertThat(created.headers().get("x-careloop-event")).isEqualTo("feedback.created");
        assertThat(created.headers().get("x-careloop-signature")).isEqualTo("sha256=" + hmac(SECRET, created.body()));
        assertThat(created.headers().get("x-careloop-delivery")).isEqualTo(created.json().path("deliveryId").asText()).isNotBlank();
        assertThat(Long.parseLong(created.headers().get("x-careloop-timestamp"))).isCloseTo(Instant.now().getEpochSecond(),
                org.assertj.core.data.Offset.offset(120L));
        assertThat(created.json().path("version").asInt()).isEqualTo(1);
        assertThat(created.json().path("data").path("number").asText()).startsWith("FB");
        assertThat(created.body()).doesNotContain(WORDS).doesNotContain("description");
        assertThat(got.get(1).headers().get("x-careloop-event")).isEqualTo("feedback.status-changed");
        assertThat(got.get(1).json().path("data").path("status").asText()).isEqualTo("ROUTED");
        assertThat(Set.of(created.headers().get("x-careloop-delivery"), got.get(1).headers().get("x-careloop-delivery"))).hasSize(2);

        Received withWords = await(words, item, 1).get(0);
        assertThat(withWords.json().path("data").path("description").asText()).isEqualTo(WORDS);
        assertThat(withWords.headers().get("x-careloop-signature")).isEqualTo("sha256=" + hmac(SECRET, withWords.body()));

        JsonNode list = awaitDeliveries(plainId, rows -> rows.size() == 2 && all(rows, "DELIVERED"));
        assertThat(list.get(0).path("attempts").asInt()).isEqualTo(1);
        assertThat(list.get(0).path("lastResponseStatus").asInt()).isEqualTo(200);
        assertThat(list.get(0).path("deliveredAt").asText()).isNotBlank();
        assertThat(call("agent1", "GET", "/api/webhooks/" + plainId + "/deliveries", null).statusCode()).isEqualTo(403);
        assertThat(call("manager1", "GET", "/api/webhooks/999999999/deliveries", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aLaterEventWaitsWhileTheEarlierIsRetriedAfter500sUntilItIsAccepted() throws Exception {
        String path = "/flaky-" + System.nanoTime();
        SCRIPTED.put(path, List.of(500, 503));
        long id = subscribe(path, List.of("feedback.created", "feedback.status-changed"), false);
        long item = register();

        List<Received> got = await(path, item, 4);
        assertThat(got).extracting(r -> r.headers().get("x-careloop-event"))
                .as("created three times (500, 503, 200), only then the status change")
                .containsExactly("feedback.created", "feedback.created", "feedback.created", "feedback.status-changed");
        assertThat(got.get(0).headers().get("x-careloop-delivery")).as("a retry is the same delivery")
                .isEqualTo(got.get(2).headers().get("x-careloop-delivery"));
        JsonNode rows = awaitDeliveries(id, r -> r.size() == 2 && all(r, "DELIVERED"));
        assertThat(rows.get(1).path("event").asText()).isEqualTo("feedback.created");
        assertThat(rows.get(1).path("attempts").asInt()).isEqualTo(3);
        assertThat(rows.get(1).path("lastResponseStatus").asInt()).isEqualTo(200);
    }

    @Test
    void pastTheRetryWindowADeliveryFailsIsCountedAndCanBeRedelivered() throws Exception {
        String path = "/down-" + System.nanoTime();
        long id = subscribe(path, List.of("feedback.created"), false);
        double failedBefore = meters.counter("careloop.webhook.deliveries.failed").count();
        long item = register();
        await(path, item, 1);
        JsonNode pending = awaitDeliveries(id, r -> r.size() == 1 && r.get(0).path("attempts").asInt() >= 1);
        assertThat(pending.get(0).path("status").asText()).isEqualTo("PENDING");
        assertThat(pending.get(0).path("lastResponseStatus").asInt()).isEqualTo(500);
        String deliveryId = pending.get(0).path("deliveryId").asText();

        // the day of retries has passed: the window starts 25 hours back
        jdbc.update("update webhook_delivery set retry_from = ? where delivery_id = ?",
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofHours(25))), deliveryId);
        JsonNode failed = awaitDeliveries(id, r -> all(r, "FAILED"));
        assertThat(failed.get(0).path("nextAttemptAt").isNull()).isTrue();
        assertThat(meters.counter("careloop.webhook.deliveries.failed").count()).isGreaterThan(failedBefore);

        SCRIPTED.put(path, List.of());
        HttpResponse<String> again = call("manager1", "POST", "/api/webhooks/" + id + "/deliveries/" + deliveryId + "/redeliver", null);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        assertThat(JSON.readTree(again.body()).path("status").asText()).isEqualTo("PENDING");
        assertThat(call("manager1", "POST", "/api/webhooks/" + id + "/deliveries/no-such-delivery/redeliver", null).statusCode())
                .isEqualTo(404);
        assertThat(call("supervisor1", "POST", "/api/webhooks/" + id + "/deliveries/" + deliveryId + "/redeliver", null).statusCode())
                .isEqualTo(403);
    }

    @Test
    void afterTheRetryWindowAnIncidentInCockpitNamesTheDeliveryAndItsRetryDeliversIt() throws Exception {
        String path = "/incident-" + System.nanoTime();
        DOWN.add(path);
        long id = subscribe(path, List.of("feedback.created"), false);
        Given given = givenUp(path, id);

        // the incident as Cockpit shows it: which subscription, event and delivery, the last response; nothing personal
        Incident incident = runtime.createIncidentQuery().processInstanceId(given.process().getId()).singleResult();
        assertThat(incident).as("an incident once the redelivery failed").isNotNull();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getActivityId()).isEqualTo("Task_RedeliverWebhook");
        assertThat(incident.getIncidentMessage()).contains("subscription " + id, "event feedback.created",
                "delivery " + given.deliveryId(), "last response HTTP 500")
                .doesNotContain(SECRET).doesNotContain(WORDS).doesNotContain("127.0.0.1").doesNotContain(path);
        JsonNode failed = awaitDeliveries(id, r -> all(r, "FAILED"));
        assertThat(failed.get(0).path("attempts").asInt()).as("the redelivery is counted").isEqualTo(given.attempts() + 1);

        // the target is back; Cockpit's "retry" gives the job one retry and the job executor runs it
        DOWN.remove(path);
        Job job = management.createJobQuery().processInstanceId(given.process().getId()).singleResult();
        management.setJobRetries(job.getId(), 1);
        management.executeJob(job.getId());
        assertThat(given.process()).isEnded().hasPassed("Task_RedeliverWebhook", "EndEvent_Delivered").hasNotPassed("EndEvent_Settled");
        assertThat(runtime.createIncidentQuery().processInstanceId(given.process().getId()).count()).isZero();
        JsonNode delivered = awaitDeliveries(id, r -> all(r, "DELIVERED"));
        assertThat(delivered.get(0).path("lastResponseStatus").asInt()).isEqualTo(200);
        List<Received> got = await(path, given.item(), given.attempts() + 2);
        Received last = got.get(got.size() - 1);
        assertThat(last.headers().get("x-careloop-delivery")).as("the same delivery").isEqualTo(given.deliveryId());
        assertThat(last.headers().get("x-careloop-signature")).isEqualTo("sha256=" + hmac(SECRET, last.body()));
    }

    @Test
    void aRedeliveryOverRestThatGetsThroughEndsTheIncidentsProcess() throws Exception {
        String path = "/incident-rest-" + System.nanoTime();
        DOWN.add(path);
        long id = subscribe(path, List.of("feedback.created"), false);
        Given given = givenUp(path, id);
        assertThat(runtime.createIncidentQuery().processInstanceId(given.process().getId()).count()).isOne();

        DOWN.remove(path);
        HttpResponse<String> again = call("manager1", "POST", "/api/webhooks/" + id + "/deliveries/" + given.deliveryId() + "/redeliver", null);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        awaitDeliveries(id, r -> all(r, "DELIVERED"));
        long end = System.currentTimeMillis() + 30_000;
        while (runtime.createProcessInstanceQuery().processInstanceId(given.process().getId()).count() > 0
                && System.currentTimeMillis() < end) {
            Thread.sleep(100);
        }
        assertThat(given.process()).isEnded().hasPassed("StartEvent_Settled", "EndEvent_Settled").hasNotPassed("EndEvent_Delivered");
        assertThat(runtime.createIncidentQuery().processInstanceId(given.process().getId()).count()).isZero();
    }

    /** A delivery given up: the retry window shortened to 2 s, the process started, its first redelivery failed. */
    record Given(long item, String deliveryId, int attempts, ProcessInstance process) {}

    private Given givenUp(String path, long subscription) throws Exception {
        Duration window = worker.useRetryWindow(Duration.ofSeconds(2));
        try {
            long item = register();
            JsonNode failed = awaitDeliveries(subscription, r -> all(r, "FAILED"));
            String deliveryId = failed.get(0).path("deliveryId").asText();
            int attempts = failed.get(0).path("attempts").asInt();
            assertThat(attempts).as("tried until the window's end").isGreaterThanOrEqualTo(2);
            ProcessInstance process = runtime.createProcessInstanceQuery().processDefinitionKey("webhookDeliveryFailed")
                    .processInstanceBusinessKey(deliveryId).singleResult();
            assertThat(process).as("the operator's process of the given-up delivery").isNotNull();
            assertThat(process).isWaitingAt("Task_RedeliverWebhook").hasVariables("subscriptionId", "event", "deliveryId",
                    "lastResponseStatus");
            Job job = management.createJobQuery().processInstanceId(process.getId()).singleResult();
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("still fails");
            assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries())
                    .as("no automatic retries: the first failure is the incident").isZero();
            return new Given(item, deliveryId, attempts, process);
        } finally {
            worker.useRetryWindow(window);
        }
    }

    @Test
    void aCustomerWhoRefusesCallsAndTextsIsSentOnceForEachSignedAndWithoutContactData() throws Exception {
        String path = "/opted-out-" + System.nanoTime();
        long id = subscribe(path, List.of("customer.opted-out"), true);
        var c = fx.mobileCustomer();
        String upsert = JSON.writeValueAsString(Map.of("externalId", c.externalId(), "name", c.name(), "optOut", true));
        for (int i = 0; i < 2; i++) { // refusing twice is one refusal
            HttpResponse<String> r = call("manager1", "POST", "/api/customers", upsert);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        String sms = "{\"from\":\"+86" + c.phone() + "\",\"text\":\"退订\",\"receivedAt\":\"2026-12-02T08:00:00Z\"}";
        for (String text : List.of(sms, sms.replace("退订", "TD"))) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/sms/inbound"))
                    .header("Content-Type", "application/json").header("X-CareLoop-Signature", "sha256=" + hmac("test-inbound-secret", text))
                    .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        // a customer created opted out refused from the start
        String born = "OPT-" + System.nanoTime();
        assertThat(call("manager1", "POST", "/api/customers", JSON.writeValueAsString(Map.of("externalId", born, "name", "新客户 New",
                "optOut", true))).statusCode()).isEqualTo(201);

        awaitDeliveries(id, r -> r.size() == 3 && all(r, "DELIVERED"));
        List<Received> got = RECEIVED.stream().filter(r -> r.path().equals(path)).toList();
        assertThat(got).hasSize(3).allSatisfy(r -> {
            assertThat(r.headers().get("x-careloop-event")).isEqualTo("customer.opted-out");
            assertThat(r.headers().get("x-careloop-signature")).isEqualTo("sha256=" + hmac(SECRET, r.body()));
            assertThat(r.json().path("version").asInt()).isEqualTo(1);
            assertThat(r.body()).doesNotContain(c.phone()).doesNotContain(c.name()).doesNotContain("phone").doesNotContain("email");
        });
        // in order per customer only: another customer's event may come between
        java.util.function.BiFunction<String, String, JsonNode> event = (externalId, refused) -> got.stream().map(r -> r.json().path("data"))
                .filter(d -> d.path("externalId").asText().equals(externalId) && d.path("refused").asText().equals(refused))
                .findFirst().orElseThrow(() -> new AssertionError("no " + refused + " event of " + externalId));
        JsonNode calls = event.apply(c.externalId(), "CALLS");
        assertThat(calls.path("customerId").asLong()).isEqualTo(c.id());
        assertThat(calls.path("source").asText()).isEqualTo("API");
        JsonNode texts = event.apply(c.externalId(), "TEXTS");
        assertThat(texts.path("customerId").asLong()).isEqualTo(c.id());
        assertThat(texts.path("source").asText()).isEqualTo("SMS_REPLY:退订");
        assertThat(event.apply(born, "CALLS").path("source").asText()).isEqualTo("API");
    }

    @Test
    void aRolledBackChangeLeavesNoDelivery() throws Exception {
        long id = subscribe("/rollback-" + System.nanoTime(), List.of("feedback.created"), false);
        transactions.executeWithoutResult(status -> {
            registerOnly();
            assertThat(jdbc.queryForObject("select count(*) from webhook_delivery where subscription_id = ?", Long.class, id))
                    .as("written in the publishing transaction").isEqualTo(1);
            status.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("select count(*) from webhook_delivery where subscription_id = ?", Long.class, id)).isZero();
    }

    @Test
    void retriesBackOffExponentiallyUpToTheLongestIntervalAndEndWithTheWindow() {
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Duration first = Duration.between(from, worker.nextAttempt(1, from, from));
        assertThat(Duration.between(from, worker.nextAttempt(2, from, from))).isEqualTo(first.multipliedBy(2));
        Duration longest = Duration.between(from, worker.nextAttempt(50, from, from));
        assertThat(longest).isGreaterThanOrEqualTo(first.multipliedBy(2));
        assertThat(Duration.between(from, worker.nextAttempt(51, from, from))).isEqualTo(longest);
        Instant lastMinute = from.plus(Duration.ofHours(24)).minusSeconds(1);
        assertThat(worker.nextAttempt(3, from, lastMinute)).as("the last attempt at the window's end").isEqualTo(from.plus(Duration.ofHours(24)));
        assertThat(worker.nextAttempt(3, from, from.plus(Duration.ofHours(24)))).as("then no more").isNull();
    }

    /** A fresh inbound item, verified valid: feedback.created, then feedback.status-changed (ROUTED). */
    private long register() {
        var item = registerOnly();
        fx.verifyValid(item.processInstanceId());
        return item.id();
    }

    private com.careloop.feedback.FeedbackRef registerOnly() {
        return feedback.registerInbound(new InboundFeedbackRequest(fx.customer().id(), FeedbackType.PROBLEM, Urgency.NORMAL, WORDS), "center1");
    }

    private long subscribe(String path, List<String> events, boolean freeText) throws Exception {
        HttpResponse<String> r = call("manager1", "POST", "/api/webhooks", JSON.writeValueAsString(Map.of(
                "url", "http://127.0.0.1:18099" + path, "events", events, "secret", SECRET, "includeFreeText", freeText)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        long id = JSON.readTree(r.body()).path("id").asLong();
        subscriptions.add(id);
        return id;
    }

    private static List<Received> await(String path, long item, int count) throws InterruptedException {
        List<Received> got = List.of();
        long end = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < end) {
            got = RECEIVED.stream().filter(r -> r.path().equals(path) && r.json().path("data").path("itemId").asLong() == item).toList();
            if (got.size() >= count) {
                return got;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(count + " deliveries to " + path + " expected, got " + got.size());
    }

    private JsonNode awaitDeliveries(long id, java.util.function.Predicate<JsonNode> done) throws Exception {
        JsonNode rows = null;
        long end = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < end) {
            HttpResponse<String> r = call("manager1", "GET", "/api/webhooks/" + id + "/deliveries", null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            rows = JSON.readTree(r.body());
            if (done.test(rows)) {
                return rows;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("deliveries of " + id + " not as expected: " + rows);
    }

    private static boolean all(JsonNode rows, String status) {
        if (rows.isEmpty()) {
            return false;
        }
        for (JsonNode row : rows) {
            if (!row.path("status").asText().equals(status)) {
                return false;
            }
        }
        return true;
    }

    /** The CRM's check, written independently of WebhookSignature. */
    static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> call(String user, String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
