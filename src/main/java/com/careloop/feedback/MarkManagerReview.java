package com.careloop.feedback;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of the manager review: while the review waits for a manager the item shows
 * {@link FeedbackStatus#MANAGER_REVIEW}. Runs again harmlessly (the status and the log line are set once).
 */
@Component("markManagerReview")
class MarkManagerReview implements ExecutionListener {

    private final FeedbackService feedback;

    MarkManagerReview(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @Override
    public void notify(DelegateExecution execution) {
        feedback.startManagerReview(feedback.itemOf(execution));
    }
}
