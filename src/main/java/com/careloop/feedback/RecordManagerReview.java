package com.careloop.feedback;

import com.careloop.engine.CompletedBy;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores the manager's decision on an item that failed resolution twice. */
@Component("recordManagerReview")
class RecordManagerReview implements JavaDelegate {

    private final FeedbackService feedback;
    private final CommentSync comments;
    private final Clock clock;

    RecordManagerReview(FeedbackService feedback, CommentSync comments, Clock clock) {
        this.feedback = feedback;
        this.comments = comments;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FeedbackForms.ManagerReview r = FeedbackForms.ManagerReview.read(execution, clock.getZone());
        FeedbackItem item = feedback.itemOf(execution);
        if (item.getManagerDecision() == null) {
            item.setManagerDecision(r.managerDecision());
            if (r.compensation() != Compensation.NONE) {
                item.setCompensation(r.compensation());
            }
            feedback.log(item, (String) execution.getVariable(CompletedBy.VARIABLE), ProgressKind.MANAGER_REVIEW,
                    r.managerDecision().label() + ": " + r.notes());
        }
        comments.sync(item, execution.getProcessInstanceId());
        execution.setVariable(FeedbackVariables.MANAGER_DECISION, r.managerDecision().name());
        execution.removeVariable(FeedbackVariables.NOTES);
    }
}
