package com.careloop.review;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "抽取回访 Sample the calls" of callReview: samples the week's reached calls per bpmn/callReviewSampling.dmn and starts
 * one callReviewCase per newly sampled call ({@link CallReviews#sampleWeek}); {@code sampledCalls} says how many.
 */
@Component("sampleCallsForReview")
class SampleCallsForReview implements JavaDelegate {

    private final CallReviews reviews;

    SampleCallsForReview(CallReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate weekFrom = LocalDate.parse((String) execution.getVariable(ReviewVariables.WEEK_FROM));
        execution.setVariable(ReviewVariables.SAMPLED, reviews.sampleWeek(weekFrom));
    }
}
