package com.careloop.feedback;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** careloop.feedback.*: re-visit timing (due, attempts, retry interval) and the SLA reminder point. */
@ConfigurationProperties("careloop.feedback")
public record FeedbackProperties(Duration confirmWithin, Double reminderAt, Integer maxRevisitAttempts,
                                 Duration revisitRetryInterval) {

    public FeedbackProperties {
        confirmWithin = confirmWithin == null ? Duration.ofHours(24) : confirmWithin;
        reminderAt = reminderAt == null ? 0.8 : reminderAt;
        maxRevisitAttempts = maxRevisitAttempts == null ? 3 : maxRevisitAttempts;
        revisitRetryInterval = revisitRetryInterval == null ? Duration.ofHours(2) : revisitRetryInterval;
        if (reminderAt <= 0 || reminderAt >= 1) {
            throw new IllegalArgumentException("careloop.feedback.reminder-at must be between 0 and 1 (exclusive)");
        }
    }
}
