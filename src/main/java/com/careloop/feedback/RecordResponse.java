package com.careloop.feedback;

import com.careloop.engine.CompletedBy;
import com.careloop.sla.ServiceParameters;
import com.careloop.engine.PersonalFields;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Stores the owner's first response (and, if solved on that contact, the resolution) on the item, and who gets the
 * resolve task: the responder, unless the routing row says the group claims it ({@link ResolveBy}).
 */
@Component("recordResponse")
class RecordResponse implements JavaDelegate {

    private final FeedbackService feedback;
    private final CommentSync comments;
    private final ServiceParameters parameters;
    private final Clock clock;

    RecordResponse(FeedbackService feedback, CommentSync comments, ServiceParameters parameters, Clock clock) {
        this.feedback = feedback;
        this.comments = comments;
        this.parameters = parameters;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FeedbackForms.Response r = FeedbackForms.Response.read(execution, clock.getZone());
        FeedbackItem item = feedback.itemOf(execution);
        var now = clock.instant();
        String author = (String) execution.getVariable(CompletedBy.VARIABLE);
        boolean first = item.getRespondedAt() == null;
        item.respond(r.responsePlan(), now);
        if (first) {
            feedback.publish(new FeedbackEvent.FeedbackResponded(item.getId(), now, item.getResponseDueAt(), r.resolvedOnFirstContact()));
        }
        feedback.log(item, author, ProgressKind.RESPONDED,
                (r.contactMade() ? "已联系客户 Customer contacted: " : "未联系上客户 Not yet contacted: ") + r.responsePlan());
        if (r.resolvedOnFirstContact()) {
            HandlingOutcome outcome = item.getType() == FeedbackType.SALES_LEAD ? HandlingOutcome.CONVERTED : HandlingOutcome.RESOLVED;
            item.resolve(outcome, r.responsePlan(), Compensation.NONE, now);
            feedback.publish(new FeedbackEvent.FeedbackResolved(item.getId(), now, item.getResolutionDueAt(), item.getPausedMinutes()));
            feedback.log(item, author, ProgressKind.RESOLVED, "首次联系即解决 Resolved on first contact");
            execution.setVariable(FeedbackVariables.HANDLING_OUTCOME, outcome.name());
            execution.setVariable(FeedbackVariables.CONFIRM_DUE, Date.from(now.plus(parameters.confirmWithin())));
        }
        comments.sync(item, execution.getProcessInstanceId());
        execution.setVariable(FeedbackVariables.RESOLVE_ASSIGNEE, ResolveBy.of(execution.getVariable(FeedbackVariables.ROUTING)).assignee(author));
        execution.setVariable("resolvedOnFirstContact", r.resolvedOnFirstContact());
        PersonalFields.removeFrom(execution);
    }
}
