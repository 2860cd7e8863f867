package com.careloop.identity;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * API keys of systems (Bearer ck_…): created and revoked by administrators only, shown once and stored hashed; a key
 * opens only the endpoints of its scopes (403 otherwise), a revoked or expired one is a 401, its calls are attributed
 * to apikey:<name> and its last use recorded; it never opens the webapps, the engine REST API or the metrics.
 */
class ApiKeyTest extends CareLoopTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aKpisReadKeyReadsKpisButCannotWrite() throws Exception {
        Key key = create(List.of("kpis:read"), null);
        assertThat(call(key.bearer(), "GET", "/api/kpis?from=2026-11-01&to=2026-11-30", null).statusCode()).isEqualTo(200);

        HttpResponse<String> customer = call(key.bearer(), "POST", "/api/customers", "{\"externalId\":\"K-" + uuid() + "\",\"name\":\"甲\"}");
        assertThat(customer.statusCode()).isEqualTo(403);
        assertThat(customer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(customer.body()).contains("customers:write");
        assertThat(call(key.bearer(), "POST", "/api/feedback", "{\"type\":\"PROBLEM\"}").statusCode()).isEqualTo(403);
        assertThat(call(key.bearer(), "POST", "/api/follow-ups", "{}").statusCode()).isEqualTo(403);
        // endpoints no scope opens: reading the register, managing keys
        assertThat(call(key.bearer(), "GET", "/api/feedback", null).statusCode()).isEqualTo(403);
        assertThat(call(key.bearer(), "POST", "/api/api-keys", "{\"name\":\"x\",\"scopes\":[\"kpis:read\"]}").statusCode()).isEqualTo(403);
        // the contract needs no scope
        assertThat(call(key.bearer(), "GET", "/v3/api-docs", null).statusCode()).isEqualTo(200);

        assertThat(jdbc.queryForObject("select last_used_at from api_key where id = ?", java.sql.Timestamp.class, key.id()))
                .as("last use recorded").isNotNull();
    }

    @Test
    void aRevokedKeyAndAnExpiredKeyAre401() throws Exception {
        Key revoked = create(List.of("customers:write"), null);
        assertThat(call(revoked.bearer(), "POST", "/api/customers", "{\"externalId\":\"K-" + uuid() + "\",\"name\":\"乙\"}").statusCode())
                .isEqualTo(201);
        assertThat(call(basic("demo"), "DELETE", "/api/api-keys/" + revoked.id(), null).statusCode()).isEqualTo(204);
        HttpResponse<String> after = call(revoked.bearer(), "POST", "/api/customers", "{\"externalId\":\"K-" + uuid() + "\",\"name\":\"乙\"}");
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
        assertThat(after.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(call(basic("demo"), "DELETE", "/api/api-keys/" + revoked.id(), null).statusCode()).as("again").isEqualTo(204);
        assertThat(call(basic("demo"), "DELETE", "/api/api-keys/987654321", null).statusCode()).isEqualTo(404);

        Key expiring = create(List.of("kpis:read"), "2099-01-01T00:00:00Z");
        assertThat(call(expiring.bearer(), "GET", "/api/kpis?from=2026-11-01&to=2026-11-30", null).statusCode()).isEqualTo(200);
        jdbc.update("update api_key set expires_at = created_at - interval '1' second where id = ?", expiring.id());
        assertThat(call(expiring.bearer(), "GET", "/api/kpis?from=2026-11-01&to=2026-11-30", null).statusCode()).isEqualTo(401);

        String unknown = "ck_" + "A".repeat(43);
        assertThat(call("Bearer " + unknown, "GET", "/api/kpis?from=2026-11-01&to=2026-11-30", null).statusCode()).isEqualTo(401);
        assertThat(call("Bearer not-a-key", "GET", "/api/kpis?from=2026-11-01&to=2026-11-30", null).statusCode()).isEqualTo(401);
    }

    @Test
    void onlyAdministratorsManageKeysWhichAreShownOnceAndStoredHashed() throws Exception {
        String body = "{\"name\":\"crm\",\"scopes\":[\"feedback:write\"]}";
        assertThat(call(basic("manager1"), "POST", "/api/api-keys", body).statusCode()).isEqualTo(403);
        assertThat(call(basic("agent1"), "POST", "/api/api-keys", body).statusCode()).isEqualTo(403);
        Key key = create(List.of("feedback:write"), null);
        assertThat(call(basic("manager1"), "DELETE", "/api/api-keys/" + key.id(), null).statusCode()).isEqualTo(403);

        assertThat(key.key()).matches("ck_[A-Za-z0-9_-]{43}");
        Map<String, Object> row = jdbc.queryForMap("select * from api_key where id = ?", key.id());
        assertThat(row.values()).noneMatch(v -> v != null && v.toString().contains(key.key()));
        assertThat(row.get("key_hash")).isEqualTo(ApiKeys.hash(key.key()));
        HttpResponse<String> list = call(basic("demo"), "GET", "/api/api-keys", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(key.name()).doesNotContain(key.key()).doesNotContain(ApiKeys.hash(key.key()));

        HttpResponse<String> bad = call(basic("demo"), "POST", "/api/api-keys",
                "{\"name\":\"has space\",\"scopes\":[\"kpis:read\",\"root\"],\"expiresAt\":\"2020-01-01T00:00:00Z\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"name\"").contains("scopes[1]").contains("expiresAt");
        assertThat(call(basic("demo"), "POST", "/api/api-keys", "{\"name\":\"crm\",\"scopes\":[]}").statusCode()).isEqualTo(400);
    }

    @Test
    void callsAreAttributedToTheKeysNameAndRetriesWithAnIdempotencyKeyWork() throws Exception {
        Key customers = create(List.of("customers:write"), null);
        String ext = "K-" + uuid();
        HttpResponse<String> created = call(customers.bearer(), "POST", "/api/customers",
                "{\"externalId\":\"" + ext + "\",\"name\":\"丙\",\"phone\":\"13700000000\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        long customerId = JSON.readTree(created.body()).path("id").asLong();

        Key feedback = create(List.of("feedback:write"), null);
        String body = "{\"customerId\":" + customerId + ",\"type\":\"SUGGESTION\",\"urgency\":\"LOW\",\"description\":\"建议提供发票邮寄\"}";
        String idem = UUID.randomUUID().toString();
        HttpResponse<String> registered = call(feedback.bearer(), "POST", "/api/feedback", body, idem);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        HttpResponse<String> retried = call(feedback.bearer(), "POST", "/api/feedback", body, idem);
        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(retried.body()).isEqualTo(registered.body());
        String number = JSON.readTree(registered.body()).path("number").asText();
        assertThat(jdbc.queryForObject("select count(*) from feedback_item where number = ?", Long.class, number)).isEqualTo(1);
        // the register's log names who registered: the key
        HttpResponse<String> read = call(basic("supervisor1"), "GET", "/api/feedback/" + number, null);
        assertThat(read.body()).contains("apikey:" + feedback.name());
        assertThat(jdbc.queryForObject("select count(*) from idempotency_key where owner_id = ? and idem_key = ?", Long.class,
                "apikey:" + feedback.name(), idem)).isEqualTo(1);
    }

    @Test
    void aKeyNeverOpensTheWebappsTheEngineRestApiOrTheMetrics() throws Exception {
        Key key = create(List.of("customers:write", "feedback:write", "followups:write", "kpis:read", "webhooks:manage"), null);
        assertThat(call(key.bearer(), "GET", "/engine-rest/task", null).statusCode()).isEqualTo(401);
        assertThat(call(key.bearer(), "GET", "/camunda/api/engine/engine/default/task/count", null).statusCode()).isIn(401, 403);
        assertThat(call(key.bearer(), "GET", "/camunda/api/admin/auth/user/default", null).statusCode()).isIn(401, 403, 404);
        assertThat(call(key.bearer(), "GET", "/actuator/prometheus", null).statusCode()).isEqualTo(401);
        // HTTP Basic for people works as before
        assertThat(call(basic("agent1"), "GET", "/api/calendar/years", null).statusCode()).isEqualTo(200);
    }

    record Key(long id, String key, String name) {
        String bearer() {
            return "Bearer " + key;
        }
    }

    private Key create(List<String> scopes, String expiresAt) throws Exception {
        String name = "sys-" + uuid();
        String body = JSON.writeValueAsString(expiresAt == null ? Map.of("name", name, "scopes", scopes)
                : Map.of("name", name, "scopes", scopes, "expiresAt", expiresAt));
        HttpResponse<String> r = call(basic("demo"), "POST", "/api/api-keys", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        JsonNode created = JSON.readTree(r.body());
        assertThat(created.path("scopes")).hasSize(scopes.size());
        return new Key(created.path("id").asLong(), created.path("key").asText(), name);
    }

    private static String uuid() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> call(String authorization, String method, String path, String json) throws Exception {
        return call(authorization, method, path, json, null);
    }

    private HttpResponse<String> call(String authorization, String method, String path, String json, String idempotencyKey) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", authorization).header("Accept", "application/json");
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
