package com.careloop.followup;

import java.time.Instant;
import java.util.List;

/**
 * What {@link FollowUpService#open} did with one {@link NewFollowUp}: opened it (id, number, process instance, the
 * policy's terms, the exclusions a cs-manager overrode) or not (the exclusion that applies).
 */
public record Opened(NewFollowUp request, Long followUpId, String number, String processInstanceId, Instant dueAt, int priority,
                     String assignedAgent, Exclusion excludedBy, List<Exclusion> overridden) {

    static Opened excluded(NewFollowUp request, Exclusion exclusion) {
        return new Opened(request, null, null, null, null, 0, null, exclusion, List.of());
    }

    public boolean created() {
        return followUpId != null;
    }
}
