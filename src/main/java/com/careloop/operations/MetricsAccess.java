package com.careloop.operations;

import com.careloop.identity.ApiAuthenticationFilter;
import com.careloop.identity.ApiUser;
import com.careloop.identity.CareLoopGroups;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/prometheus} and {@code /actuator/metrics}: a Camunda user by HTTP Basic (or the webapp session), as
 * on /api, in group cs-managers, camunda-admin or {@value #METRICS_GROUP} (a technical user for the Prometheus
 * scraper, created in Admin). Anonymous 401, anyone else 403. Health stays open: probes carry no credentials.
 */
@Configuration
class MetricsAccess {

    /** The group of a scraper's technical user: metrics only, no task, no customer. */
    static final String METRICS_GROUP = "metrics";
    static final Set<String> READ_METRICS = Set.of(CareLoopGroups.CS_MANAGERS, CareLoopGroups.ADMIN, METRICS_GROUP);
    private static final String[] PATHS = {"/actuator/prometheus", "/actuator/prometheus/*", "/actuator/metrics", "/actuator/metrics/*"};

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> metricsAuthentication(ProcessEngine engine) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ApiAuthenticationFilter(engine.getIdentityService(), engine.getName()));
        registration.setName("careloop-metrics-auth");
        registration.addUrlPatterns(PATHS);
        registration.setOrder(11);
        return registration;
    }

    @Bean
    FilterRegistrationBean<GroupCheck> metricsGroupCheck() {
        FilterRegistrationBean<GroupCheck> registration = new FilterRegistrationBean<>(new GroupCheck());
        registration.setName("careloop-metrics-groups");
        registration.addUrlPatterns(PATHS);
        registration.setOrder(12);
        return registration;
    }

    static final class GroupCheck extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Object user = request.getAttribute(ApiUser.REQUEST_ATTRIBUTE);
            if (user instanceof ApiUser apiUser && !Collections.disjoint(apiUser.groups(), READ_METRICS)) {
                chain.doFilter(request, response);
                return;
            }
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                    + "\"detail\":\"指标仅限 cs-managers、camunda-admin 或 metrics 组 Metrics are for the groups cs-managers, camunda-admin or metrics\"}");
        }
    }
}
