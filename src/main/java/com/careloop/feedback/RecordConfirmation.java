package com.careloop.feedback;

import com.careloop.engine.CompletedBy;
import com.careloop.sla.ServiceParameters;
import com.careloop.sla.CallingHours;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores one closure re-visit attempt: whether the customer was reached and is satisfied, or when to call again. */
@Component("recordConfirmation")
class RecordConfirmation implements JavaDelegate {

    private final FeedbackService feedback;
    private final CommentSync comments;
    private final CallingHours callingHours;
    private final ServiceParameters parameters;
    private final Clock clock;

    RecordConfirmation(FeedbackService feedback, CommentSync comments, CallingHours callingHours,
                              ServiceParameters parameters, Clock clock) {
        this.feedback = feedback;
        this.comments = comments;
        this.callingHours = callingHours;
        this.parameters = parameters;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FeedbackForms.Confirmation c = FeedbackForms.Confirmation.read(execution, clock.getZone());
        FeedbackItem item = feedback.itemOf(execution);
        int attempts = ((Number) execution.getVariable(FeedbackVariables.REVISIT_ATTEMPTS)).intValue() + 1;
        boolean reached = c.callOutcome() == RevisitOutcome.REACHED;
        item.recordRevisit(attempts, reached ? c.customerSatisfied() : null);
        if (reached) {
            item.stopAwaitingRevisitSurvey(); // reached by phone: the re-visit's survey link is closed
        }
        String what = reached
                ? (c.customerSatisfied() ? "客户满意 Customer satisfied" : "客户不满意 Customer not satisfied") + " (" + c.satisfaction() + "/5)"
                : "未接通 Not reached: " + c.callOutcome().label();
        feedback.log(item, (String) execution.getVariable(CompletedBy.VARIABLE), ProgressKind.REVISIT,
                what + (c.notes() == null ? "" : " — " + c.notes()));
        comments.sync(item, execution.getProcessInstanceId());
        execution.setVariable(FeedbackVariables.REVISIT_ATTEMPTS, attempts);
        execution.setVariable(FeedbackVariables.CUSTOMER_SATISFIED, reached && c.customerSatisfied());
        execution.setVariable(FeedbackVariables.RETRY_AT, Date.from(callingHours.nextCallTime(clock.instant().plus(parameters.revisitRetryInterval()))));
        execution.removeVariable(FeedbackVariables.NOTES);
        execution.removeVariable(FeedbackVariables.SATISFACTION);
    }
}
