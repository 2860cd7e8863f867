package com.careloop.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.CareLoopNode;
import com.careloop.testsupport.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Issue 16, exactly-once after a SIGKILL: a CareLoop JVM ({@link CareLoopNode}) on a fresh database of the tests'
 * PostgreSQL delivers to a loopback receiver that answers slowly (2 s, then 50 ms after the kill); {@value #ITEMS} feedback items are registered and
 * verified over REST (feedback.created, then feedback.status-changed ROUTED, per item), the node is killed with SIGKILL
 * while a delivery is in flight (the receiver holds its answer) and others are pending, and a node started on the same
 * database delivers the rest. Every event arrives; per aggregate, no copy of a later event before the earlier one; a
 * repeated delivery carries the X-CareLoop-Delivery id and body of the first, so a receiver deduplicating by that id
 * sees each event exactly once. No Spring context in this JVM: the nodes are the only webhook workers on that database.
 */
@Tag("slow")
class WebhookKillTest {

    static final int ITEMS = 50;
    static final String ADMIN = "hookadmin";
    static final String PASSWORD = "Kx7-" + UUID.randomUUID();
    static final String SECRET = "kill-test-secret-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Received(String deliveryId, String event, long itemId, String body, String signature, long atNanos) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Semaphore arrivals = new Semaphore(0);
    private final List<CareLoopNode> nodes = new ArrayList<>();
    private HttpServer receiver;
    /** How long the receiver takes to answer: slow (a busy CRM) until the kill, so that deliveries are still pending then. */
    private volatile long answerMillis = 2000;

    @AfterEach
    void stop() throws Exception {
        for (CareLoopNode node : nodes) {
            node.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void everyEventArrivesInOrderPerAggregateAndDuplicatesCarryTheFirstDeliveryIdAfterASigkill() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode json = JSON.readTree(body);
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-CareLoop-Delivery"),
                    exchange.getRequestHeaders().getFirst("X-CareLoop-Event"), json.path("data").path("itemId").asLong(), body,
                    exchange.getRequestHeaders().getFirst("X-CareLoop-Signature"), System.nanoTime()));
            arrivals.release();
            try {
                Thread.sleep(answerMillis); // the answer comes while the test may kill the node
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        int port = receiver.getAddress().getPort();

        String database = "hooks_" + UUID.randomUUID().toString().substring(0, 8);
        new JdbcTemplate(dataSource(TestPostgres.jdbcUrl())).execute("create database " + database);
        String url = TestPostgres.jdbcUrl().replace("/postgres?", "/" + database + "?");
        JdbcTemplate db = new JdbcTemplate(dataSource(url));

        CareLoopNode first = start(url, "hooks-first", port).awaitReady(Duration.ofMinutes(5));
        HttpResponse<String> subscribed = post(first, "/api/webhooks", JSON.writeValueAsString(Map.of("url", "http://127.0.0.1:" + port + "/crm",
                "events", List.of("feedback.created", "feedback.status-changed"), "secret", SECRET)));
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        String verifier = "hookverifier";
        assertThat(post(first, "/engine-rest/user/create", "{\"profile\":{\"id\":\"" + verifier + "\",\"firstName\":\"核实\",\"lastName\":\"Verifier\"},"
                + "\"credentials\":{\"password\":\"" + PASSWORD + "\"}}").statusCode()).isIn(200, 204);
        assertThat(first.http().send(first.request("/engine-rest/group/cs-center/members/" + verifier)
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);

        // the business writes: each item registered (feedback.created) and verified (feedback.status-changed ROUTED)
        long writesStarted = System.nanoTime();
        for (int i = 0; i < ITEMS; i++) {
            HttpResponse<String> customer = post(first, "/api/customers", "{\"externalId\":\"HOOK-" + database + "-" + i
                    + "\",\"name\":\"回调客户 " + i + "\",\"phone\":\"0105555" + String.format("%04d", i) + "\"}");
            assertThat(customer.statusCode()).as(customer.body()).isEqualTo(201);
            long customerId = JSON.readTree(customer.body()).path("id").asLong();
            HttpResponse<String> item = post(first, "/api/feedback", "{\"customerId\":" + customerId
                    + ",\"type\":\"SUGGESTION\",\"urgency\":\"LOW\",\"description\":\"建议 " + i + "\"}");
            assertThat(item.statusCode()).as(item.body()).isEqualTo(201);
            verify(first, JSON.readTree(item.body()).path("number").asText(), verifier);
        }
        double writeSeconds = (System.nanoTime() - writesStarted) / 1e9;
        long rows = 2L * ITEMS;
        await(Duration.ofSeconds(60), () -> db.queryForObject("select count(*) from webhook_delivery", Long.class) == rows,
                "two events per item in the outbox");

        // kill -9 the moment the next delivery reaches the receiver: it is in flight (its answer is two seconds away)
        arrivals.drainPermits();
        assertThat(arrivals.tryAcquire(60, TimeUnit.SECONDS)).as("a delivery in flight").isTrue();
        first.kill();
        long killedAt = System.nanoTime();
        answerMillis = 50;
        int receivedAtKill = received.size();
        long deliveredAtKill = db.queryForObject("select count(*) from webhook_delivery where status = 'DELIVERED'", Long.class);
        assertThat(deliveredAtKill).as("killed with deliveries pending").isLessThan(rows);

        CareLoopNode second = start(url, "hooks-second", port).awaitReady(Duration.ofMinutes(5));
        double restartSeconds = (System.nanoTime() - killedAt) / 1e9;
        await(Duration.ofMinutes(4), () -> db.queryForObject("select count(*) from webhook_delivery where status = 'DELIVERED'", Long.class) == rows,
                "every delivery DELIVERED after the restart");
        double allDeliveredSeconds = (System.nanoTime() - killedAt) / 1e9;
        Thread.sleep(1000); // a late duplicate would show here

        // every event arrived; a repeat is the same delivery (id and body), correctly signed
        Map<String, Received> firstCopy = new LinkedHashMap<>();
        int duplicates = 0;
        for (Received r : received) {
            assertThat(r.signature()).isEqualTo("sha256=" + WebhookDeliveryTest.hmac(SECRET, r.body()));
            Received before = firstCopy.putIfAbsent(r.deliveryId(), r);
            if (before != null) {
                duplicates++;
                assertThat(r.body()).as("a repeat of %s", r.deliveryId()).isEqualTo(before.body());
            }
        }
        assertThat(firstCopy).as("distinct deliveries received = outbox rows").hasSize((int) rows);
        assertThat(db.queryForList("select delivery_id from webhook_delivery", String.class)).containsExactlyInAnyOrderElementsOf(firstCopy.keySet());

        // in order per aggregate: every copy of an item's feedback.created before any copy of its status change
        Map<Long, List<Received>> perItem = new LinkedHashMap<>();
        received.forEach(r -> perItem.computeIfAbsent(r.itemId(), k -> new ArrayList<>()).add(r));
        assertThat(perItem).hasSize(ITEMS);
        perItem.forEach((item, copies) -> {
            long lastCreated = copies.stream().filter(r -> r.event().equals("feedback.created")).mapToLong(Received::atNanos).max().orElseThrow();
            long firstChange = copies.stream().filter(r -> r.event().equals("feedback.status-changed")).mapToLong(Received::atNanos).min().orElseThrow();
            assertThat(lastCreated).as("item %s: created before its status change", item).isLessThan(firstChange);
            assertThat(copies.stream().map(Received::deliveryId).distinct().count()).as("item %s: two deliveries", item).isEqualTo(2);
        });
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("items", ITEMS);
        figures.put("events", rows);
        figures.put("writeSeconds", Math.round(writeSeconds * 10) / 10.0);
        figures.put("deliveredAtKill", deliveredAtKill);
        figures.put("requestsReceivedAtKill", receivedAtKill);
        figures.put("requestsReceived", received.size());
        figures.put("duplicates", duplicates);
        figures.put("secondsKillToReady", Math.round(restartSeconds * 10) / 10.0);
        figures.put("secondsKillToAllDelivered", Math.round(allDeliveredSeconds * 10) / 10.0);
        System.out.println("WebhookKillTest figures: " + figures);
        Files.createDirectories(Path.of("target", "webhooks"));
        Files.writeString(Path.of("target", "webhooks", "kill-test.txt"), figures + "\n");
        second.close();
    }

    private CareLoopNode start(String url, String name, int port) throws Exception {
        CareLoopNode node = CareLoopNode.startOn(url, name, ADMIN, PASSWORD,
                "--careloop.webhooks.allowed-targets=127.0.0.1:" + port,
                "--careloop.webhooks.delivery.poll-interval=PT0.2S",
                "--careloop.webhooks.delivery.first-retry=PT1S",
                "--careloop.webhooks.delivery.max-retry-interval=PT2S");
        nodes.add(node);
        return node;
    }

    /** cs-center's verification as VALID through the engine REST API: claim, then complete. */
    private void verify(CareLoopNode node, String number, String verifier) throws Exception {
        String taskId = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (taskId == null && System.nanoTime() < deadline) {
            JsonNode tasks = JSON.readTree(node.get("/engine-rest/task?processInstanceBusinessKey=" + number
                    + "&taskDefinitionKey=Task_VerifyFeedback").body());
            if (tasks.isArray() && !tasks.isEmpty()) {
                taskId = tasks.get(0).path("id").asText();
            } else {
                Thread.sleep(100);
            }
        }
        assertThat(taskId).as("the verification task of %s", number).isNotNull();
        HttpResponse<String> claimed = as(node, verifier, "/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + verifier + "\"}");
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
        HttpResponse<String> done = as(node, verifier, "/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"verification\":{\"value\":\"VALID\",\"type\":\"String\"}}}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    }

    private static HttpResponse<String> post(CareLoopNode node, String path, String json) throws Exception {
        return node.http().send(node.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> as(CareLoopNode node, String user, String path, String json) throws Exception {
        HttpRequest request = node.request(path).header("Content-Type", "application/json")
                .setHeader("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        return node.http().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static SimpleDriverDataSource dataSource(String url) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres", "");
    }

    private static void await(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(200);
        }
    }
}
