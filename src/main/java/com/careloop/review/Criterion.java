package com.careloop.review;

/** One row of bpmn/callReviewScorecard.dmn (decision callReviewCriteria): its key, label, relative weight, critical. */
public record Criterion(String key, String label, double weight, boolean critical) {

    /** The form field of its 0 / 1 / 2 score. */
    public String scoreField() {
        return key + "Score";
    }

    /** The form field of its comment. */
    public String commentField() {
        return key + "Comment";
    }
}
