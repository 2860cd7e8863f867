package com.careloop.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.CareLoopTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Webhook subscriptions: managed by cs-managers and administrators (or a key with webhooks:manage); the secret is
 * never shown again; a target on loopback, link-local or private ranges — checked on the resolved address — is a 400
 * naming url unless careloop.webhooks.allowed-targets names it (the tests allow 127.0.0.1:18099), and nothing is
 * written. No address is contacted and no name is looked up in DNS: only address literals and localhost are resolved.
 */
class WebhookSubscriptionTest extends CareLoopTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "s3cret-s3cret-s3cret";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WebhookTargets targets;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aManagerSubscribesListsAndDeletesAndTheSecretIsNeverShown() throws Exception {
        HttpResponse<String> created = call("manager1", "POST", "/api/webhooks", JSON.writeValueAsString(Map.of(
                "url", "https://93.184.216.34/hooks/careloop", "events", List.of("feedback.created", "feedback.closed"), "secret", SECRET)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        long id = body.path("id").asLong();
        assertThat(created.body()).doesNotContain(SECRET);
        assertThat(body.path("events")).hasSize(2);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/webhooks/" + id);

        HttpResponse<String> list = call("demo", "GET", "/api/webhooks", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("/hooks/careloop").doesNotContain(SECRET);
        assertThat(call("manager1", "GET", "/api/webhooks/" + id, null).statusCode()).isEqualTo(200);

        assertThat(call("agent1", "GET", "/api/webhooks", null).statusCode()).isEqualTo(403);
        assertThat(call("supervisor1", "DELETE", "/api/webhooks/" + id, null).statusCode()).isEqualTo(403);
        assertThat(call("manager1", "DELETE", "/api/webhooks/" + id, null).statusCode()).isEqualTo(204);
        assertThat(call("manager1", "GET", "/api/webhooks/" + id, null).statusCode()).isEqualTo(404);
        assertThat(call("manager1", "DELETE", "/api/webhooks/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void internalTargetsAreRefusedOnTheResolvedAddressAndNothingIsWritten() throws Exception {
        long before = jdbc.queryForObject("select count(*) from webhook_subscription", Long.class);
        for (String url : List.of("http://127.0.0.1:8080/x", "http://localhost/x", "http://[::1]/x", "http://10.1.2.3/x",
                "http://172.16.0.9/x", "http://192.168.1.1/x", "http://169.254.169.254/latest/meta-data/", "http://100.64.0.1/x",
                "http://0.0.0.0/x", "http://[fd00::1]/x", "http://[fe80::1]/x", "http://[::ffff:10.0.0.1]/x", "http://224.0.0.1/x",
                "ftp://93.184.216.34/x", "file:///etc/passwd", "http://user:pw@93.184.216.34/x", "not a url")) {
            HttpResponse<String> r = call("manager1", "POST", "/api/webhooks", JSON.writeValueAsString(Map.of(
                    "url", url, "events", List.of("feedback.created"), "secret", SECRET)));
            assertThat(r.statusCode()).as(url + " → " + r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(JSON.readTree(r.body()).path("errors").get(0).path("field").asText()).as(url).isEqualTo("url");
        }
        assertThat(jdbc.queryForObject("select count(*) from webhook_subscription", Long.class)).isEqualTo(before);
    }

    @Test
    void aTargetNamedInAllowedTargetsIsAcceptedOnItsPortOnly() throws Exception {
        HttpResponse<String> allowed = call("manager1", "POST", "/api/webhooks", JSON.writeValueAsString(Map.of(
                "url", "http://127.0.0.1:18099/hook", "events", List.of("customer.opted-out"), "secret", SECRET)));
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(201);
        HttpResponse<String> otherPort = call("manager1", "POST", "/api/webhooks", JSON.writeValueAsString(Map.of(
                "url", "http://127.0.0.1:18100/hook", "events", List.of("customer.opted-out"), "secret", SECRET)));
        assertThat(otherPort.statusCode()).isEqualTo(400);
        assertThat(call("manager1", "DELETE", "/api/webhooks/" + JSON.readTree(allowed.body()).path("id").asLong(), null).statusCode())
                .isEqualTo(204);
    }

    @Test
    void anApiKeyManagesWebhooksOnlyWithItsScope() throws Exception {
        String manage = key("webhooks:manage");
        String kpis = key("kpis:read");
        HttpResponse<String> created = call("Bearer " + manage, "POST", "/api/webhooks", JSON.writeValueAsString(Map.of(
                "url", "https://93.184.216.34/crm", "events", List.of("survey.answered"), "secret", SECRET)), true);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).path("createdBy").asText()).startsWith("apikey:");
        assertThat(call("Bearer " + kpis, "GET", "/api/webhooks", null, true).statusCode()).isEqualTo(403);
        assertThat(call("Bearer " + manage, "DELETE", "/api/webhooks/" + JSON.readTree(created.body()).path("id").asLong(), null, true)
                .statusCode()).isEqualTo(204);
    }

    private String key(String scope) throws Exception {
        HttpResponse<String> r = call("demo", "POST", "/api/api-keys", JSON.writeValueAsString(Map.of(
                "name", "crm-" + System.nanoTime(), "scopes", List.of(scope))));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).path("key").asText();
    }

    @Test
    void everyFieldIsCheckedAtOnce() throws Exception {
        HttpResponse<String> r = call("manager1", "POST", "/api/webhooks", JSON.writeValueAsString(Map.of(
                "url", "gopher://x", "events", List.of("feedback.created", "order.paid"), "secret", "short")));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"url\"").contains("events[1]").contains("\"secret\"");
    }

    @Test
    void theAddressChecksCoverEveryInternalRange() throws Exception {
        for (String internal : List.of("127.0.0.1", "127.255.255.254", "10.0.0.0", "172.31.255.255", "192.168.0.1", "169.254.0.1",
                "100.127.255.255", "0.1.2.3", "255.255.255.255", "::1", "::", "fc00::1", "fdff::1", "fe80::1", "ff02::1")) {
            assertThat(WebhookTargets.isInternal(InetAddress.getByName(internal))).as(internal).isTrue();
        }
        for (String external : List.of("93.184.216.34", "172.32.0.1", "100.128.0.1", "11.0.0.1", "2606:2800:220:1::1")) {
            assertThat(WebhookTargets.isInternal(InetAddress.getByName(external))).as(external).isFalse();
        }
        assertThat(targets.check("https://93.184.216.34/x").allowed()).isTrue();
    }

    private HttpResponse<String> call(String user, String method, String path, String json) throws Exception {
        return call("Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)), method, path, json, true);
    }

    private HttpResponse<String> call(String authorization, String method, String path, String json, boolean raw) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization);
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
