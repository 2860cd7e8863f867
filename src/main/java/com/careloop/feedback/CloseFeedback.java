package com.careloop.feedback;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the item with the result its path earned (satisfied, unconfirmed, by manager, or the handling outcome). */
@Component("closeFeedback")
class CloseFeedback implements JavaDelegate {

    private final FeedbackService feedback;
    private final CommentSync comments;
    private final Clock clock;

    CloseFeedback(FeedbackService feedback, CommentSync comments, Clock clock) {
        this.feedback = feedback;
        this.comments = comments;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FeedbackItem item = feedback.itemOf(execution);
        if (item.getStatus() != FeedbackStatus.CLOSED) {
            FeedbackResult result = item.closingResult(Boolean.TRUE.equals(execution.getVariable(FeedbackVariables.REVISIT_REQUIRED)));
            item.close(result, clock.instant());
            comments.sync(item, execution.getProcessInstanceId());
            feedback.log(item, null, ProgressKind.CLOSED, "结案 Closed: " + result.label());
        }
        execution.setVariable(FeedbackVariables.FEEDBACK_RESULT, item.getResult().name());
    }
}
