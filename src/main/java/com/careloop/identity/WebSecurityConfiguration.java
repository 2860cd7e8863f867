package com.careloop.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Authentication for the two HTTP APIs: CareLoop's /api and Camunda's /engine-rest (which is open by default).
 * Both take HTTP Basic with a Camunda user; /api also takes the Camunda webapp session (Cockpit, Tasklist pages call
 * it without a second login) and systems' API keys (Bearer ck_…, /api only: the engine REST API and the webapps never
 * read them). The engine then checks its authorizations for /engine-rest calls.
 */
@Configuration
public class WebSecurityConfiguration {

    /** springdoc's default path of the OpenAPI document */
    static final String API_DOCS = "/v3/api-docs";

    @Bean
    public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-auth");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(10);
        return registration;
    }

    /** Working rights on tasks (TaskWork) for the engine REST API and the API behind Tasklist and Cockpit, after login. */
    @Bean
    public FilterRegistrationBean<TaskWorkGuard> taskWorkGuard(TaskWork work, IdentityService identityService) {
        FilterRegistrationBean<TaskWorkGuard> registration = new FilterRegistrationBean<>(new TaskWorkGuard(work, identityService));
        registration.setName("careloop-task-work-guard");
        registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/*");
        registration.setOrder(org.springframework.core.Ordered.LOWEST_PRECEDENCE);
        return registration;
    }

    /**
     * Security headers on every answer (order -100: before anything writes the response): X-Content-Type-Options
     * nosniff, Referrer-Policy, X-Frame-Options SAMEORIGIN, and outside the Camunda webapps a Content-Security-Policy
     * that allows nothing to run and only this origin to frame (JSON, problem+json, actuator). The webapps under
     * /camunda get their own CSP from Camunda's header-security filter (camunda.bpm.webapp.header-security: its
     * default with frame-ancestors 'self'), which needs script nonces this filter cannot know.
     */
    @Bean
    public FilterRegistrationBean<SecurityHeaders> securityHeaders() {
        FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders());
        registration.setName("careloop-security-headers");
        registration.addUrlPatterns("/*");
        registration.setOrder(-100);
        return registration;
    }

    /**
     * /api: HTTP Basic, or the webapp session (with its CSRF token for changes), see ApiAuthenticationFilter. The API
     * contract (springdoc's /v3/api-docs and Swagger UI) is behind the same login.
     */
    @Bean
    public FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(ProcessEngine engine, ApiKeys apiKeys) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ApiAuthenticationFilter(engine.getIdentityService(), engine.getName(), apiKeys));
        registration.setName("careloop-api-auth");
        registration.addUrlPatterns("/api/*", API_DOCS, API_DOCS + "/*", API_DOCS + ".yaml", "/swagger-ui/*", "/swagger-ui.html");
        registration.setOrder(11);
        return registration;
    }
}
