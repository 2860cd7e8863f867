package com.careloop.openapi;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The contract's frame: title, one relative server (so that the document is the same on every host and port, and
 * the checked-in {@code openapi/careloop.yaml} can be compared with it), the ways to authenticate; the problem+json
 * schema of every error is {@link ProblemResponses}'. Served at /v3/api-docs (.yaml) and
 * /swagger-ui/index.html for logged-in users only (identity's API authentication guards both); switched by
 * {@code springdoc.api-docs.enabled} / {@code springdoc.swagger-ui.enabled} (on in the default run, off in profile
 * postgres unless SPRINGDOC_APIDOCS_ENABLED and SPRINGDOC_SWAGGERUI_ENABLED are true).
 */
@Configuration
public class OpenApiConfiguration {

    static final String BASIC = "basicAuth";
    static final String BEARER = "apiKey";

    /**
     * Schema names that do not collide: a nested type is named with its enclosing type, less a "Controller" suffix
     * (CustomerImports.View → CustomerImportsView, FollowUpController.StartRequest → FollowUpStartRequest). By
     * default springdoc names a schema by the simple class name, and two nested types called View would silently
     * become one schema.
     */
    @Bean
    public ModelResolver enclosingTypeNames(ObjectMapperProvider mappers) {
        return new ModelResolver(mappers.jsonMapper(), new EnclosingTypeNames());
    }

    static final class EnclosingTypeNames extends TypeNameResolver {

        @Override
        protected String getNameOfClass(Class<?> cls) {
            Class<?> enclosing = cls.getEnclosingClass();
            return enclosing == null ? super.getNameOfClass(cls)
                    : getNameOfClass(enclosing).replaceFirst("Controller$", "") + cls.getSimpleName();
        }
    }

    @Bean
    public OpenAPI careLoopOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("CareLoop API")
                        .version("1")
                        .description("""
                                客服回访与反馈闭环的 REST 接口 The REST API of CareLoop's follow-up and feedback loop.

                                认证 Authentication: HTTP Basic with a CareLoop (Camunda) user, the Camunda webapp session \
                                (state-changing requests also send the header X-XSRF-TOKEN), or an API key of a system \
                                (`Authorization: Bearer ck_…`, created by administrators at POST /api/api-keys).

                                错误 Errors: every 4xx and 5xx answer is an RFC 9457 problem+json document (`Problem`); \
                                a 400 lists the offending fields under `errors`.

                                可重试的写入 Retryable writes: POST /api/customers, /api/customers/import, /api/follow-ups, \
                                /api/feedback and /api/screening/runs take an `Idempotency-Key` header."""))
                .servers(List.of(new Server().url("/").description("this CareLoop server")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("CareLoop（Camunda）用户 A CareLoop (Camunda) user; demo users: password = user id"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("ck_…")
                                .description("系统的 API 密钥 An API key of a system, with scopes (customers:write, feedback:write, "
                                        + "followups:write, kpis:read, webhooks:manage)")))
                .security(List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER)));
    }
}
