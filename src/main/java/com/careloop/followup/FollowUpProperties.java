package com.careloop.followup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** careloop.follow-up.*: how often and how far apart an unanswered customer is called. */
@ConfigurationProperties("careloop.follow-up")
public record FollowUpProperties(Integer maxAttempts, Duration retryInterval) {

    public FollowUpProperties {
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        retryInterval = retryInterval == null ? Duration.ofHours(2) : retryInterval;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("careloop.follow-up.max-attempts must be at least 1");
        }
    }
}
