package com.careloop.idempotency;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/** The contract of {@link IdempotencyFilter}: its header and its 409 / 422 answers on the writes it serves. */
@Component
@org.springframework.core.annotation.Order(0)
class IdempotencyOpenApi implements OpenApiCustomizer {

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        IdempotencyFilter.PATHS.stream().sorted().forEach(path -> {
            var item = openApi.getPaths().get(path);
            if (item != null && item.getPost() != null) {
                document(item.getPost());
            }
        });
    }

    private static void document(Operation post) {
        post.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER).required(false)
                .schema(new StringSchema().maxLength(255).pattern("^[\\x21-\\x7E]{1,255}$").example("5f0c8a2e-2b1d-4c53-9d7e-1a2b3c4d5e6f"))
                .description("可选的幂等键 Optional: the same key and body within 24 h answer the first response again (header "
                        + IdempotencyFilter.REPLAYED + ": true) without a second write; keys are per caller"));
        ApiResponses responses = post.getResponses() == null ? new ApiResponses() : post.getResponses();
        responses.putIfAbsent("409", new ApiResponse()
                .description("同一幂等键的首个请求尚未完成 The first request with this Idempotency-Key is still running: retry (Retry-After)"));
        responses.putIfAbsent("422", new ApiResponse()
                .description("幂等键已用于另一个请求 The Idempotency-Key was used with another method, path or body"));
        post.setResponses(responses);
    }
}
