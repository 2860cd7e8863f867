package com.careloop.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The error answers of every operation, as com.careloop.http.Problems writes them (application/problem+json,
 * schema {@code Problem}, an example each): 401 and 403 and 500 everywhere, 400 where the operation reads
 * parameters or a body, 404 where the path names something, 413 where a body is sent. An error response a
 * controller or another module's customizer declared (409, 422, 502 …) gets the same content, replacing what springdoc
 * guessed from a handler's return type: every CareLoop error is problem+json. Runs last, after the other modules'
 * customizers.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemResponses implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";
    static final String PROBLEM_JSON = "application/problem+json";

    private static final Map<String, String[]> TEXTS = Map.of(
            "400", new String[] {"Invalid request", "请求无效 One or more fields are invalid"},
            "401", new String[] {"Unauthorized", "需要认证 Authentication is required (HTTP Basic, webapp session or API key)"},
            "403", new String[] {"Forbidden", "无权执行 Not allowed for this user or API key"},
            "404", new String[] {"Not found", "不存在 Not found"},
            "409", new String[] {"Conflict", "与当前状态冲突 Conflicts with the current state"},
            "413", new String[] {"Payload Too Large", "请求体过大 The request body is larger than allowed"},
            "422", new String[] {"Unprocessable Entity", "无法处理 The request cannot be processed as sent"},
            "500", new String[] {"Internal error", "服务器内部错误，已记录 An unexpected error occurred; it has been logged"},
            "502", new String[] {"Bad Gateway", "外部系统失败 An outside system (e.g. the CTI) failed"});

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new io.swagger.v3.oas.models.Components());
        }
        openApi.getComponents().addSchemas(PROBLEM, problemSchema()).addSchemas(FIELD_ERROR, fieldErrorSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> complete(path, method, operation)));
    }

    private void complete(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean readsInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (readsInput) {
            responses.putIfAbsent("400", new ApiResponse());
        }
        responses.putIfAbsent("401", new ApiResponse());
        responses.putIfAbsent("403", new ApiResponse());
        if (path.contains("{")) {
            responses.putIfAbsent("404", new ApiResponse());
        }
        if (operation.getRequestBody() != null) {
            responses.putIfAbsent("413", new ApiResponse());
        }
        responses.putIfAbsent("500", new ApiResponse());
        // 2xx first, then the errors in order of their codes
        Map<String, ApiResponse> sorted = new TreeMap<>(responses);
        responses.clear();
        sorted.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                problemContent(code, path, response);
            }
            responses.addApiResponse(code, response);
        });
        operation.setResponses(responses);
    }

    private static void problemContent(String code, String path, ApiResponse response) {
        String[] text = TEXTS.getOrDefault(code, new String[] {"Error", "错误 Error"});
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(text[1]);
        }
        if (response.getContent() != null && response.getContent().containsKey(PROBLEM_JSON)
                && response.getContent().get(PROBLEM_JSON).getExamples() != null) {
            return;
        }
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", text[0]);
        example.put("status", Integer.parseInt(code));
        example.put("detail", text[1]);
        example.put("instance", path.replaceAll("\\{[^}]+}", "1"));
        if (code.equals("400")) {
            example.put("errors", List.of(Map.of("field", "name", "message", "is required")));
        }
        response.setContent(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                .addExamples(code, new Example().summary(text[0]).value(example))));
    }

    static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 问题详情 problem details; unset members are left out")
                .addProperty("type", new StringSchema().format("uri").example("about:blank"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().format("int32").example(400))
                .addProperty("detail", new StringSchema().example("One or more fields are invalid"))
                .addProperty("instance", new StringSchema().format("uri").example("/api/customers"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
                        .description("400: the offending fields"))
                .addProperty("reason", new StringSchema().description("409: a machine-readable reason, e.g. OPEN_CASES, COOLING_PERIOD"))
                .required(List.of("type", "status"));
    }

    static Schema<?> fieldErrorSchema() {
        return new ObjectSchema()
                .addProperty("field", new StringSchema().example("phone"))
                .addProperty("message", new StringSchema().example("is required"))
                .required(List.of("field", "message"));
    }
}
