package com.careloop.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The checked-in contract src/main/resources/openapi/careloop.yaml is what the controllers give (a controller changed
 * without the contract fails here), and the generated document says what an integrator needs: every operation's
 * errors as problem+json, enum values, examples of the integration writes, both ways to log in; behind a login.
 */
class OpenApiContractTest extends CareLoopTest {

    static final Path CHECKED_IN = Path.of("src/main/resources/openapi/careloop.yaml");
    static final String REGENERATE = "scripts/openapi-regenerate.sh (mvn -B -q test -Dtest=OpenApiContractTest -Dopenapi.write=true)";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    OpenApiExamples examples;

    @Test
    void theCheckedInContractIsTheGeneratedOne() throws Exception {
        ResponseEntity<String> generated = Api.as(rest, "demo").getRaw("/v3/api-docs.yaml");
        assertThat(generated.getStatusCode().value()).isEqualTo(200);
        String yaml = generated.getBody();
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(CHECKED_IN, yaml, StandardCharsets.UTF_8);
            System.out.println("OpenApiContractTest: wrote " + CHECKED_IN);
        }
        String checkedIn = Files.exists(CHECKED_IN) ? Files.readString(CHECKED_IN, StandardCharsets.UTF_8) : "";
        if (!checkedIn.equals(yaml)) {
            fail(CHECKED_IN + " differs from the contract the controllers give now (GET /v3/api-docs.yaml) "
                    + firstDifference(checkedIn, yaml) + ".\nIf the API change is intended, regenerate the file with "
                    + REGENERATE + " and commit it with the change.");
        }
    }

    @Test
    void everyOperationAnswersErrorsAsProblemJsonAndEnumsListTheirValues() throws Exception {
        JsonNode spec = spec();
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (var path : iterable(spec.path("paths").fieldNames())) {
            JsonNode item = spec.path("paths").path(path);
            for (var method : iterable(item.fieldNames())) {
                operations++;
                JsonNode responses = item.path(method).path("responses");
                for (String code : List.of("401", "403", "500")) {
                    if (!responses.has(code)) {
                        missing.add(method + " " + path + " has no " + code);
                    }
                }
                for (var code : iterable(responses.fieldNames())) {
                    if (code.startsWith("4") || code.startsWith("5")) {
                        JsonNode media = responses.path(code).path("content").path("application/problem+json");
                        if (!media.path("schema").path("$ref").asText().endsWith("/Problem") || media.path("examples").isEmpty()) {
                            missing.add(method + " " + path + " " + code + " is not a problem+json with an example");
                        }
                    }
                }
                if (path.contains("{") && !responses.has("404")) {
                    missing.add(method + " " + path + " has no 404");
                }
            }
        }
        assertThat(operations).isGreaterThan(30);
        assertThat(missing).isEmpty();
        assertThat(spec.path("paths").fieldNames()).toIterable().allMatch(p -> p.startsWith("/api/"));

        JsonNode schemas = spec.path("components").path("schemas");
        assertThat(texts(schemas.path("InboundFeedbackRequest").path("properties").path("type").path("enum")))
                .contains("COMPLAINT", "PROBLEM", "SUGGESTION", "CONSULTATION", "SALES_LEAD");
        assertThat(texts(schemas.path("FollowUpStartRequest").path("properties").path("scenario").path("enum"))).contains("NEW_PURCHASE", "POST_RESOLUTION");
        assertThat(schemas.path("Problem").path("properties").fieldNames()).toIterable()
                .contains("type", "title", "status", "detail", "instance", "errors");
        assertThat(spec.path("components").path("securitySchemes").path("basicAuth").path("scheme").asText()).isEqualTo("basic");
        assertThat(spec.path("components").path("securitySchemes").path("apiKey").path("scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void theIntegrationWritesCarryRequestAndResponseExamples() throws Exception {
        JsonNode paths = spec().path("paths");
        for (String path : List.of("/api/customers", "/api/follow-ups", "/api/feedback", "/api/screening/runs")) {
            JsonNode post = paths.path(path).path("post");
            assertThat(post.path("requestBody").path("content").path("application/json").path("examples").isEmpty())
                    .as("request example of POST " + path).isFalse();
            JsonNode created = post.path("responses").path(path.equals("/api/screening/runs") ? "202" : "201");
            assertThat(created.path("content").path("application/json").path("schema").isMissingNode())
                    .as("response schema of POST " + path).isFalse();
        }
        for (String operation : examples.operations()) {
            String[] parts = operation.split(" ", 2);
            assertThat(paths.path(parts[1]).has(parts[0].toLowerCase(java.util.Locale.ROOT)))
                    .as(OpenApiExamples.FILE + " names " + operation + ", which the API does not have").isTrue();
        }
        assertThat(paths.path("/api/customers/import").path("post").path("responses").path("200").path("content")
                .path("application/json").path("schema").path("$ref").asText()).endsWith("/CustomerImportsView");
    }

    @Test
    void theContractAndSwaggerUiNeedALogin() throws Exception {
        assertThat(Api.anonymous(rest).getRaw("/v3/api-docs").getStatusCode().value()).isEqualTo(401);
        assertThat(Api.anonymous(rest).getRaw("/v3/api-docs.yaml").getStatusCode().value()).isEqualTo(401);
        assertThat(Api.anonymous(rest).getRaw("/swagger-ui/index.html").getStatusCode().value()).isEqualTo(401);
        ResponseEntity<String> ui = Api.as(rest, "agent1").getRaw("/swagger-ui/index.html");
        assertThat(ui.getStatusCode().value()).isEqualTo(200);
        assertThat(ui.getBody()).contains("swagger-ui");
        assertThat(ui.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'").contains("frame-ancestors 'self'");
        ResponseEntity<String> config = Api.as(rest, "agent1").getRaw("/v3/api-docs/swagger-config");
        assertThat(config.getStatusCode().value()).isEqualTo(200);
    }

    private JsonNode spec() throws Exception {
        ResponseEntity<String> r = Api.as(rest, "demo").getRaw("/v3/api-docs");
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        return new ObjectMapper().readTree(r.getBody());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        List<T> list = new ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }

    /** "at line N: checked in «…», generated «…»" for the first line that differs. */
    static String firstDifference(String checkedIn, String generated) {
        String[] a = checkedIn.split("\n", -1);
        String[] b = generated.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end of file>";
            String y = i < b.length ? b[i] : "<end of file>";
            if (!x.equals(y)) {
                return "at line " + (i + 1) + ": checked in «" + x.strip() + "», generated «" + y.strip() + "»";
            }
        }
        return "";
    }
}
