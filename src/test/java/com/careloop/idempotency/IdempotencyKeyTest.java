package com.careloop.idempotency;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Idempotency-Key on the five integration writes, on the tests' PostgreSQL: a repeat answers the first response
 * (status and body) and writes nothing; another body with the key is a 422; concurrent requests with one key make one
 * write (the others 409 while it runs, or the first answer after); keys are per caller and expire.
 */
class IdempotencyKeyTest extends CareLoopTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdempotencyKeys keys;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aRepeatedCustomerUpsertAnswersTheFirst201AndWritesOnce() throws Exception {
        String ext = "IDEM-" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        String body = "{\"externalId\":\"" + ext + "\",\"name\":\"李雷\",\"phone\":\"13800000000\"}";
        HttpResponse<String> first = post("agent1", "/api/customers", key, "application/json", body.getBytes(StandardCharsets.UTF_8));
        assertThat(first.statusCode()).isEqualTo(201);
        HttpResponse<String> again = post("agent1", "/api/customers", key, "application/json", body.getBytes(StandardCharsets.UTF_8));
        // run a second time, the upsert would answer 200 (updated)
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue("Content-Type"));
        assertThat(again.headers().firstValue(IdempotencyFilter.REPLAYED)).hasValue("true");
        assertThat(first.headers().firstValue(IdempotencyFilter.REPLAYED)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from customer where external_id = ?", Long.class, ext)).isEqualTo(1);

        // without the key the same request runs again, as before
        HttpResponse<String> noKey = post("agent1", "/api/customers", null, "application/json", body.getBytes(StandardCharsets.UTF_8));
        assertThat(noKey.statusCode()).isEqualTo(200);
    }

    @Test
    void theSameKeyWithAnotherBodyOrPathIsA422AndWritesNothing() throws Exception {
        String ext = "IDEM-" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        assertThat(post("agent1", "/api/customers", key, "application/json",
                ("{\"externalId\":\"" + ext + "\",\"name\":\"韩梅梅\"}").getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(201);
        String other = "IDEM-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> otherBody = post("agent1", "/api/customers", key, "application/json",
                ("{\"externalId\":\"" + other + "\",\"name\":\"韩梅梅\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(otherBody.statusCode()).isEqualTo(422);
        assertThat(otherBody.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(otherBody.body()).path("detail").asText()).contains("Idempotency-Key");
        assertThat(jdbc.queryForObject("select count(*) from customer where external_id = ?", Long.class, other)).isZero();

        long followUps = count("follow_up");
        HttpResponse<String> otherPath = post("agent1", "/api/follow-ups", key, "application/json",
                "{\"customerId\":1,\"scenario\":\"USAGE\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(otherPath.statusCode()).isEqualTo(422);
        assertThat(count("follow_up")).isEqualTo(followUps);
    }

    @Test
    void feedbackFollowUpScreeningAndImportAnswerTheirFirstResponseAgain() throws Exception {
        long customerId = newCustomer("agent1");

        long items = count("feedback_item");
        String feedback = "{\"customerId\":" + customerId + ",\"type\":\"SUGGESTION\",\"urgency\":\"LOW\",\"description\":\"希望增加夜间服务\"}";
        String feedbackNumber = sameTwice("center1", "/api/feedback", "application/json", feedback.getBytes(StandardCharsets.UTF_8), 201)
                .path("number").asText();
        assertThat(feedbackNumber).startsWith("FB");
        assertThat(count("feedback_item")).isEqualTo(items + 1);

        long followUps = count("follow_up");
        String start = "{\"customerId\":" + customerId + ",\"scenario\":\"USAGE\"}";
        // run twice, the second start would be a 409 (the customer already has an open follow-up)
        assertThat(sameTwice("agent1", "/api/follow-ups", "application/json", start.getBytes(StandardCharsets.UTF_8), 201)
                .path("number").asText()).startsWith("FU-");
        assertThat(count("follow_up")).isEqualTo(followUps + 1);

        long runs = count("screening_run");
        assertThat(sameTwice("manager1", "/api/screening/runs", "application/json", "{}".getBytes(StandardCharsets.UTF_8), 202)
                .path("id").asLong()).isPositive();
        assertThat(count("screening_run")).isEqualTo(runs + 1);

        long imports = count("customer_import");
        String csv = "externalId,name\nIDEM-" + UUID.randomUUID().toString().substring(0, 8) + ",王芳\n";
        assertThat(sameTwice("agent1", "/api/customers/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8), 200)
                .path("id").asLong()).isPositive();
        assertThat(count("customer_import")).isEqualTo(imports + 1);
    }

    @Test
    void aMultipartImportBuiltAgainWithAnotherBoundaryIsTheSameRequest() throws Exception {
        long imports = count("customer_import");
        String csv = "externalId,name\nIDEM-" + UUID.randomUUID().toString().substring(0, 8) + ",赵敏\n";
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = post("agent1", "/api/customers/import", key, "multipart/form-data; boundary=AAAA111",
                multipart("AAAA111", csv));
        HttpResponse<String> again = post("agent1", "/api/customers/import", key, "multipart/form-data; boundary=BBBB222",
                multipart("BBBB222", csv));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(count("customer_import")).isEqualTo(imports + 1);
    }

    @Test
    void concurrentRequestsWithOneKeyMakeOneWrite() throws Exception {
        long customerId = newCustomer("center1");
        long items = count("feedback_item");
        String key = UUID.randomUUID().toString();
        byte[] body = ("{\"customerId\":" + customerId + ",\"type\":\"CONSULTATION\",\"urgency\":\"LOW\",\"description\":\"保修期多长\"}")
                .getBytes(StandardCharsets.UTF_8);
        int n = 6;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return post("center1", "/api/feedback", key, "application/json", body);
                }));
            }
            go.countDown();
            Set<String> numbers = new HashSet<>();
            int created = 0;
            int inProgress = 0;
            for (Future<HttpResponse<String>> f : answers) {
                HttpResponse<String> r = f.get();
                if (r.statusCode() == 201) {
                    created++;
                    numbers.add(JSON.readTree(r.body()).path("number").asText());
                } else {
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
                    assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
                    inProgress++;
                }
            }
            assertThat(created + inProgress).isEqualTo(n);
            assertThat(numbers).as("every 201 is the one first answer").hasSize(1);
            assertThat(count("feedback_item")).as("one write").isEqualTo(items + 1);
            // once the first has answered, a retry gets its answer
            HttpResponse<String> retry = post("center1", "/api/feedback", key, "application/json", body);
            assertThat(retry.statusCode()).isEqualTo(201);
            assertThat(JSON.readTree(retry.body()).path("number").asText()).isEqualTo(numbers.iterator().next());
            System.out.println("IdempotencyKeyTest: " + n + " concurrent requests with one key: " + created + " × 201, "
                    + inProgress + " × 409, 1 write");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyWhoseFirstRequestIsStillRunningIsA409WithRetryAfter() throws Exception {
        String ext = "IDEM-" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        byte[] body = ("{\"externalId\":\"" + ext + "\",\"name\":\"周杰\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(post("agent1", "/api/customers", key, "application/json", body).statusCode()).isEqualTo(201);
        // as while the first request runs (or after its node died): claimed, no answer yet
        jdbc.update("update idempotency_key set state = 'IN_PROGRESS', response_body = null where owner_id = ? and idem_key = ?", "agent1", key);
        HttpResponse<String> r = post("agent1", "/api/customers", key, "application/json", body);
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void keysArePerCallerExpireAfterTheirRetentionAndMustBeVisibleAscii() throws Exception {
        String ext = "IDEM-" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        byte[] body = ("{\"externalId\":\"" + ext + "\",\"name\":\"孙悟\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(post("agent1", "/api/customers", key, "application/json", body).statusCode()).isEqualTo(201);
        // another caller with the same key: its own request
        HttpResponse<String> other = post("center1", "/api/customers", key, "application/json", body);
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.headers().firstValue(IdempotencyFilter.REPLAYED)).isEmpty();

        assertThat(keys.retention()).isEqualTo(Duration.ofHours(24));
        jdbc.update("update idempotency_key set expires_at = created_at - interval '1' second where owner_id = ? and idem_key = ?", "agent1", key);
        HttpResponse<String> expired = post("agent1", "/api/customers", key, "application/json", body);
        assertThat(expired.statusCode()).as("runs again: the customer exists now").isEqualTo(200);
        assertThat(expired.headers().firstValue(IdempotencyFilter.REPLAYED)).isEmpty();
        jdbc.update("update idempotency_key set expires_at = created_at - interval '1' second where owner_id = ? and idem_key = ?", "agent1", key);
        assertThat(keys.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from idempotency_key where owner_id = ? and idem_key = ?", Long.class, "agent1", key))
                .isZero();

        for (String bad : List.of("", " ", "a b", "x".repeat(256))) {
            HttpResponse<String> r = post("agent1", "/api/customers", bad, "application/json", body);
            assertThat(r.statusCode()).as("key «" + bad + "»").isEqualTo(400);
            assertThat(r.body()).contains(IdempotencyFilter.HEADER);
        }
    }

    private JsonNode sameTwice(String user, String path, String type, byte[] body, int status) throws Exception {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = post(user, path, key, type, body);
        assertThat(first.statusCode()).as(path + ": " + first.body()).isEqualTo(status);
        HttpResponse<String> again = post(user, path, key, type, body);
        assertThat(again.statusCode()).as(path).isEqualTo(status);
        assertThat(again.body()).as(path).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(again.headers().firstValue(IdempotencyFilter.REPLAYED)).hasValue("true");
        return JSON.readTree(first.body());
    }

    private long newCustomer(String user) throws Exception {
        String ext = "IDEM-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> r = post(user, "/api/customers", null, "application/json",
                ("{\"externalId\":\"" + ext + "\",\"name\":\"客户" + ext + "\",\"phone\":\"13900000000\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).path("id").asLong();
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static byte[] multipart(String boundary, String csv) {
        return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"customers.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    HttpResponse<String> post(String user, String path, String key, String type, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            b.header(IdempotencyFilter.HEADER, key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
