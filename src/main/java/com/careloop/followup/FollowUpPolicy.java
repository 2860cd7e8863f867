package com.careloop.followup;

import org.springframework.stereotype.Component;

/** Settings the followUp model reads as expressions, e.g. {@code ${attemptCount < followUpPolicy.maxAttempts}}. */
@Component("followUpPolicy")
public class FollowUpPolicy {

    private final FollowUpProperties props;

    public FollowUpPolicy(FollowUpProperties props) {
        this.props = props;
    }

    public int getMaxAttempts() {
        return props.maxAttempts();
    }
}
