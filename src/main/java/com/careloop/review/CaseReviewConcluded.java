package com.careloop.review;

import java.util.List;
import java.util.Map;

/**
 * Published when a team's weekly case review (Task_PrepareCaseReview) is closed with its conclusions. When the meeting
 * asked for an improvement action ({@code caseImprovement}), {@code improvement} holds the form's fields of one under
 * the quality module's keys ({@link #IMPROVEMENT_FIELDS}, those submitted); the quality module starts process improvementAction from it
 * in this transaction, so bad fields refuse the whole completion (400, nothing written). Empty when none was asked.
 */
public record CaseReviewConcluded(long caseReviewId, String team, String concludedBy, boolean improvementRequested,
                                  Map<String, Object> improvement) {

    /** the fields of an improvement action on the case review form (the keys of form startImprovementAction) */
    public static final List<String> IMPROVEMENT_FIELDS = List.of("problem", "rootCause", "measure", "ownerTeam", "deadline",
            "targetMetric", "targetDelta", "verificationCycles");

    public CaseReviewConcluded {
        improvement = improvement == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(improvement));
    }
}
