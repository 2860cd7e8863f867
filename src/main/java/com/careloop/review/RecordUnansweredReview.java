package com.careloop.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "视为已确认 Count as acknowledged" of callReviewCase: the agent let the answer period pass; the failed review stands
 * as acknowledged (no reason).
 */
@Component("recordUnansweredReview")
class RecordUnansweredReview implements JavaDelegate {

    private final CallReviews reviews;

    RecordUnansweredReview(CallReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviews.acknowledged(((Number) execution.getVariable(ReviewVariables.REVIEW_ID)).longValue(), null);
    }
}
