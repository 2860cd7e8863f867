package com.careloop.engine;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
public class TaskSubmissionConfiguration {

    /** After the authentication filters (the task lookup runs as the caller), before the engine. */
    @Bean
    public FilterRegistrationBean<TaskSubmissionFilter> taskSubmissionFilter(DeclaredFormFields forms) {
        FilterRegistrationBean<TaskSubmissionFilter> registration = new FilterRegistrationBean<>(new TaskSubmissionFilter(forms));
        registration.setName("careloop-task-submission");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        return registration;
    }
}
