package com.careloop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Webapp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;

/**
 * /api with the Camunda webapp session (issue #7: the Cockpit dashboard reads /api with the Cockpit login): reads
 * work on the session cookie alone; changes need the session's CSRF token in X-XSRF-TOKEN, as the webapps send it.
 */
class ApiSessionAccessTest extends CareLoopTest {

    @LocalServerPort int port;
    @Autowired TestRestTemplate rest;

    @Test
    void aWebappSessionReadsTheApi() throws Exception {
        Webapp manager = Webapp.login(port, "manager1");
        HttpResponse<String> years = manager.get("/api/calendar/years");
        assertThat(years.statusCode()).as(years.body()).isEqualTo(200);
        assertThat(years.body()).startsWith("[");
    }

    @Test
    void withoutSessionOrCredentialsTheApiAnswers401() throws Exception {
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/calendar/years")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));

        // a session that only opened the login page (no login) is no authentication either
        java.net.CookieManager cookies = new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);
        Webapp notLoggedIn = new Webapp(HttpClient.newBuilder().cookieHandler(cookies).build(), cookies, "http://127.0.0.1:" + port);
        notLoggedIn.get("/camunda/app/cockpit/default/");
        assertThat(notLoggedIn.get("/api/calendar/years").statusCode()).isEqualTo(401);
    }

    @Test
    void afterLogoutTheSessionNoLongerReads() throws Exception {
        Webapp manager = Webapp.login(port, "manager1");
        assertThat(manager.post("/camunda/api/admin/auth/user/default/logout", "").statusCode()).isEqualTo(200);
        assertThat(manager.get("/api/calendar/years").statusCode()).isEqualTo(401);
    }

    @Test
    void sessionChangesNeedTheCsrfToken() throws Exception {
        Webapp agent = Webapp.login(port, "agent1");
        String ext = "SESSION-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"externalId\":\"" + ext + "\",\"name\":\"会话 Session\",\"tier\":\"STANDARD\"}";

        HttpResponse<String> noToken = agent.http().send(HttpRequest.newBuilder(URI.create(agent.base() + "/api/customers"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).as(noToken.body()).isEqualTo(403);
        assertThat(noToken.body()).contains("X-XSRF-TOKEN");

        HttpResponse<String> wrongToken = agent.http().send(HttpRequest.newBuilder(URI.create(agent.base() + "/api/customers"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", "0123456789ABCDEF0123456789ABCDEF")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongToken.statusCode()).isEqualTo(403);

        assertThat(Api.as(rest, "agent1").post("/api/customers", Map.of("externalId", ext, "name", "会话 Session", "tier", "STANDARD"))
                .getStatusCode()).as("created now: the refused requests changed nothing").isEqualTo(HttpStatus.CREATED);

        HttpResponse<String> withToken = agent.post("/api/customers", body.replace("会话 Session", "会话二 Session 2"));
        assertThat(withToken.statusCode()).as("the token from the XSRF-TOKEN cookie: " + withToken.body()).isEqualTo(200);
        assertThat(withToken.body()).contains("会话二 Session 2");
    }

    @Test
    void basicCredentialsWinOverTheSession() throws Exception {
        Webapp manager = Webapp.login(port, "manager1");
        // a user of its own: wrong passwords throttle the user they name (LoginThrottleTest)
        String wrong = Base64.getEncoder().encodeToString(("nobody-" + UUID.randomUUID() + ":wrong").getBytes());
        HttpResponse<String> r = manager.http().send(HttpRequest.newBuilder(URI.create(manager.base() + "/api/calendar/years"))
                .header("Authorization", "Basic " + wrong).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("wrong Basic credentials are not rescued by the session").isEqualTo(401);
    }
}
