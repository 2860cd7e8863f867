package com.careloop.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.jdbc.core.JdbcTemplate;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** /api/customers on PostgreSQL: upsert, read, validation, authentication and authorization. */
class CustomerApiTest extends CareLoopTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired IdentityService identity;

    static String newId() {
        return "C-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createsThenUpdatesByExternalId() {
        String ext = newId();
        ResponseEntity<Map<String, Object>> created = Api.as(rest, "agent1").post("/api/customers",
                Map.of("externalId", ext, "name", "张三", "phone", "+86 138-0013-8000", "email", "zhang@example.com", "tier", "VIP",
                        "accountAgent", "agent2", "firstPurchaseAt", "2026-11-01T10:00:00Z"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Number id = (Number) created.getBody().get("id");
        assertThat(created.getBody()).containsEntry("tier", "VIP").containsEntry("accountAgent", "agent2");

        ResponseEntity<Map<String, Object>> updated = Api.as(rest, "agent1").post("/api/customers",
                Map.of("externalId", ext, "name", "张三丰", "company", "武当"));
        assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(updated.getBody()).containsEntry("id", id).containsEntry("name", "张三丰").containsEntry("company", "武当")
                .containsEntry("phone", "+86****8000");

        // issue 17: only cs-managers (and an open task's assignee) read the stored number; tech1 has no task: 404
        assertThat(Api.as(rest, "tech1").get("/api/customers/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map<String, Object>> read = Api.as(rest, "manager1").get("/api/customers/" + id);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody()).containsEntry("externalId", ext).containsEntry("firstPurchaseAt", "2026-11-01T10:00:00Z")
                .containsEntry("phone", "+86 138-0013-8000").containsEntry("email", "zhang@example.com");
    }

    @Test
    void badInputIsA400NamingEveryFieldAndChangesNothing() {
        long before = jdbc.queryForObject("select count(*) from customer", Long.class);
        ResponseEntity<Map<String, Object>> r = Api.as(rest, "agent1").post("/api/customers",
                Map.of("phone", "call me", "email", "not-an-email"));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>) r.getBody().get("errors");
        assertThat(errors).extracting(e -> e.get("field")).containsExactlyInAnyOrder("externalId", "name", "phone", "email");
        assertThat(jdbc.queryForObject("select count(*) from customer", Long.class)).isEqualTo(before);

        ResponseEntity<Map<String, Object>> badTier = Api.as(rest, "agent1").post("/api/customers",
                Map.of("externalId", newId(), "name", "李四", "tier", "GOLD"));
        assertThat(badTier.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badTier.getBody().get("errors").toString()).contains("tier").contains("STANDARD");

        ResponseEntity<String> notJson = Api.as(rest, "agent1").postRaw("/api/customers", "{not json");
        assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(jdbc.queryForObject("select count(*) from customer", Long.class)).isEqualTo(before);
    }

    @Test
    void unknownCustomerIs404() {
        ResponseEntity<Map<String, Object>> r = Api.as(rest, "agent1").get("/api/customers/999999999");
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(r.getBody()).containsEntry("status", 404);
    }

    @Test
    void requiresAuthenticationAndACareLoopGroup() {
        if (identity.createUserQuery().userId("outsider").count() == 0) {
            User u = identity.newUser("outsider");
            u.setPassword("outsider");
            identity.saveUser(u);
        }
        ResponseEntity<Map<String, Object>> outsider = Api.as(rest, "outsider").get("/api/customers/1");
        assertThat(outsider.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> anonymous = Api.anonymous(rest).get("/api/customers/1");
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");

        // (a wrong password delays that user's next logins: Camunda's brute-force protection, so use a user of its own)
        ResponseEntity<Map<String, Object>> wrongPassword = rest.withBasicAuth("outsider", "wrong")
                .exchange("/api/customers/1", org.springframework.http.HttpMethod.GET, null,
                        new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {});
        assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);


        ResponseEntity<Map<String, Object>> salesWrites = Api.as(rest, "sales1").post("/api/customers",
                Map.of("externalId", newId(), "name", "王五"));
        assertThat(salesWrites.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
