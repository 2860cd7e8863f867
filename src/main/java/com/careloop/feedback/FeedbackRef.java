package com.careloop.feedback;

import java.time.Instant;

/**
 * What other modules learn of a feedback item FeedbackService registered or reads for them: its identity, its
 * handling process and its classification (the entity FeedbackItem stays inside the module).
 */
public record FeedbackRef(long id, String number, String processInstanceId, FeedbackType type, Urgency urgency,
                          FeedbackStatus status, String description, String callEntry, Instant respondedAt,
                          Instant resolvedAt) {

    static FeedbackRef of(FeedbackItem i) {
        return new FeedbackRef(i.getId(), i.getNumber(), i.getProcessInstanceId(), i.getType(), i.getUrgency(),
                i.getStatus(), i.getDescription(), i.getCallEntry(), i.getRespondedAt(), i.getResolvedAt());
    }
}
