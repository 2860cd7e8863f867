package com.careloop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.CareLoopTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Company login end to end (issue #16): the application with careloop.oidc on against a real OpenID Connect provider
 * on loopback ({@link OidcProvider}), driven through the authorization-code flow by a plain HTTP client with a cookie
 * jar — the provider's login form takes a user name and the token's claims.
 */
@Tag("oidc") // its own JVM (pom: oidc-tests): Spring Security on, a context of its own
class OidcLoginTest extends CareLoopTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void companyLogin(DynamicPropertyRegistry registry) {
        registry.add("careloop.oidc.enabled", () -> "true");
        registry.add("careloop.oidc.issuer-uri", () -> OidcProvider.get().issuer());
        registry.add("careloop.oidc.client-id", () -> "careloop");
        registry.add("careloop.oidc.client-secret", () -> "careloop-secret");
        registry.add("careloop.oidc.groups-claim", () -> "roles");
        registry.add("careloop.oidc.group-mapping[CS-Agents]", () -> "agents");
        registry.add("careloop.oidc.group-mapping[CS-Managers]", () -> "cs-managers");
        registry.add("careloop.oidc.group-mapping[IT-Admins]", () -> "camunda-admin,cs-managers");
    }

    @LocalServerPort int port;
    @Autowired IdentityService identity;

    @Test
    void aMappedUserReachesTasklistWithTheMappedGroupsAndTheApiInTheSameSession() throws Exception {
        String user = "agent." + unique();
        Browser browser = new Browser();
        HttpResponse<String> tasklist = browser.login(user, "[\"CS-Agents\", \"Newsletter\"]");
        assertThat(tasklist.statusCode()).as(tasklist.body()).isEqualTo(200);
        assertThat(tasklist.uri().getPath()).isEqualTo("/camunda/app/tasklist/default/");

        JsonNode me = browser.json("/camunda/api/admin/auth/user/default");
        assertThat(me.path("userId").asText()).isEqualTo(user);
        assertThat(apps(me)).contains("tasklist").doesNotContain("cockpit", "admin");
        assertThat(groupsInCamunda(user)).containsExactly("agents");
        assertThat(identity.createUserQuery().userId(user).singleResult().getEmail()).isEqualTo(user + "@corp.example");

        // the webapps' engine API and CareLoop's /api on the same session
        assertThat(browser.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(200);
        HttpResponse<String> years = browser.get("/api/calendar/years");
        assertThat(years.statusCode()).as(years.body()).isEqualTo(200);
        assertThat(years.body()).startsWith("[");
    }

    @Test
    void groupsFollowTheTokenAtEveryLogin() throws Exception {
        String user = "lead." + unique();
        Browser first = new Browser();
        assertThat(first.login(user, "[\"IT-Admins\"]").statusCode()).isEqualTo(200);
        assertThat(apps(first.json("/camunda/api/admin/auth/user/default"))).contains("tasklist", "cockpit", "admin");
        assertThat(groupsInCamunda(user)).containsExactlyInAnyOrder("camunda-admin", "cs-managers");

        Browser later = new Browser();
        assertThat(later.login(user, "[\"CS-Agents\"]").statusCode()).isEqualTo(200);
        assertThat(groupsInCamunda(user)).containsExactly("agents");
        assertThat(apps(later.json("/camunda/api/admin/auth/user/default"))).doesNotContain("cockpit", "admin");
    }

    @Test
    void aUserWithoutMappedGroupIsRefusedWithoutSession() throws Exception {
        String user = "outsider." + unique();
        Browser browser = new Browser();
        HttpResponse<String> refused = browser.login(user, "[\"Marketing\"]");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("no CareLoop group");

        assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
        assertThat(browser.get("/api/calendar/years").statusCode()).isEqualTo(401);
        HttpResponse<String> page = browser.get("/camunda/app/tasklist/default/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith(OidcSecurityConfiguration.LOGIN_PATH);
        assertThat(identity.createUserQuery().userId(user).count()).isZero();
    }

    @Test
    void logoutEndsTheSpringAndTheCamundaSessionAndLogsOutAtTheProvider() throws Exception {
        Browser browser = new Browser();
        String user = "agent." + unique();
        assertThat(browser.login(user, "[\"CS-Agents\"]").statusCode()).isEqualTo(200);

        // without the session's CSRF token a logout is no logout
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(browser.uri("/logout")).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(forged.statusCode()).isNotIn(200, 302);
        assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);

        HttpResponse<String> logout = browser.send(HttpRequest.newBuilder(browser.uri("/logout"))
                .header("X-XSRF-TOKEN", browser.csrf()).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(logout.statusCode()).isEqualTo(302);
        String endSession = logout.headers().firstValue("Location").orElseThrow();
        assertThat(endSession).startsWith(OidcProvider.get().issuer() + "/endsession").contains("id_token_hint=");
        assertThat(browser.follow(logout).statusCode()).isLessThan(500);

        assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
        assertThat(browser.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(401);
        assertThat(browser.get("/api/calendar/years").statusCode()).isEqualTo(401);
    }

    @Test
    void theWebappsOwnLogoutButtonEndsBothSessionsToo() throws Exception {
        Browser browser = new Browser();
        assertThat(browser.login("agent." + unique(), "[\"CS-Agents\"]").statusCode()).isEqualTo(200);
        HttpResponse<String> logout = browser.send(HttpRequest.newBuilder(browser.uri("/camunda/api/admin/auth/user/default/logout"))
                .header("X-XSRF-TOKEN", browser.csrf()).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(401);
        assertThat(browser.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(302);
    }

    @Test
    void passwordsStayForTheApiButNotForTheWebapps() throws Exception {
        Browser anonymous = new Browser();
        // the webapps' own password login is closed
        HttpResponse<String> passwordLogin = anonymous.send(HttpRequest.newBuilder(anonymous.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=demo&password=demo")));
        assertThat(passwordLogin.statusCode()).isIn(401, 403);

        // HTTP Basic with a person's Camunda account on /api, as before; a company user has no password
        assertThat(anonymous.send(HttpRequest.newBuilder(anonymous.uri("/api/calendar/years"))
                .header("Authorization", basic("agent1", "agent1")).GET()).statusCode()).isEqualTo(200);
        String user = "agent." + unique();
        assertThat(new Browser().login(user, "[\"CS-Agents\"]").statusCode()).isEqualTo(200);
        assertThat(anonymous.send(HttpRequest.newBuilder(anonymous.uri("/api/calendar/years"))
                .header("Authorization", basic(user, "anything")).GET()).statusCode()).isEqualTo(401);
    }

    private List<String> groupsInCamunda(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).sorted().toList();
    }

    private static List<String> apps(JsonNode me) {
        return JSON.convertValue(me.path("authorizedApps"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A browser: a cookie jar, redirects followed by hand so that each hop can be seen. */
    private final class Browser {
        final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        JsonNode json(String path) throws Exception {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
            return JSON.readTree(r.body());
        }

        /** Follows redirects (GET) until an answer that is not one. */
        HttpResponse<String> follow(HttpResponse<String> response) throws Exception {
            for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
                URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
                response = send(HttpRequest.newBuilder(next).GET());
            }
            return response;
        }

        /**
         * Opens Tasklist, is sent to the provider, signs in there as {@code user} with these roles, and follows the way
         * back: Tasklist (200), or the application's refusal. Then the first read of the webapps' API, which hands out
         * the session's CSRF token (as Tasklist does).
         */
        HttpResponse<String> login(String user, String rolesJson) throws Exception {
            HttpResponse<String> form = follow(get("/camunda/app/tasklist/default/"));
            assertThat(form.statusCode()).as("the provider's login form").isEqualTo(200);
            assertThat(form.uri().toString()).startsWith(OidcProvider.get().issuer() + "/authorize");
            String claims = "{\"preferred_username\": \"" + user + "\", \"email\": \"" + user + "@corp.example\", \"roles\": " + rolesJson + "}";
            HttpResponse<String> signedIn = send(HttpRequest.newBuilder(form.uri())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&claims=" + enc(claims))));
            assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
            HttpResponse<String> back = follow(signedIn);
            if (back.statusCode() == 200) {
                get("/camunda/api/engine/engine/");
            }
            return back;
        }

        String csrf() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).reduce((a, b) -> b).orElse("");
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
