package com.careloop.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One call review as GET /api/reviews shows it: the call (follow-up number, agent, team), why it was sampled, the
 * scores per criterion and the total, and the agent's answer and the manager's decision when there are any.
 * {@code originalPercent}: the total before an amended appeal (null otherwise).
 */
public record ReviewView(long id, String followUpNumber, String agent, String team, String sampleReason, LocalDate weekFrom,
                         ReviewStatus status, Instant sampledAt, String reviewer, Instant reviewedAt, Double scorePercent,
                         Double originalPercent, Boolean criticalFailed, Boolean passed, String agentReason, Instant answeredAt,
                         String decidedBy, String decisionReason, Instant decidedAt, List<Score> scores) {

    /** The score of one criterion (0 / 1 / 2), with its weight and whether it is critical, and the reviewer's comment. */
    public record Score(String criterion, String label, int score, double weight, boolean critical, String comment) {}
}
