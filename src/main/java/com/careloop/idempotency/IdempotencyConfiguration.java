package com.careloop.idempotency;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The idempotency filter on the integration writes, after the API's body limits (5, 6) and authentication (11). */
@Configuration
class IdempotencyConfiguration {

    static final int ORDER = 12;

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyKeys keys) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(new IdempotencyFilter(keys));
        registration.setName("careloop-idempotency");
        registration.addUrlPatterns(IdempotencyFilter.PATHS.toArray(String[]::new));
        registration.setOrder(ORDER);
        return registration;
    }
}
