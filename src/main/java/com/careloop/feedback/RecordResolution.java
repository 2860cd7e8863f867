package com.careloop.feedback;

import com.careloop.engine.CompletedBy;
import com.careloop.sla.ServiceParameters;
import com.careloop.engine.PersonalFields;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores how the owner handled the item; the re-visit is due within the configured time (24 h). */
@Component("recordResolution")
class RecordResolution implements JavaDelegate {

    private final FeedbackService feedback;
    private final CommentSync comments;
    private final ServiceParameters parameters;
    private final Clock clock;

    RecordResolution(FeedbackService feedback, CommentSync comments, ServiceParameters parameters, Clock clock) {
        this.feedback = feedback;
        this.comments = comments;
        this.parameters = parameters;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FeedbackForms.Resolution r = FeedbackForms.Resolution.read(execution, clock.getZone());
        FeedbackItem item = feedback.itemOf(execution);
        var now = clock.instant();
        item.resolve(r.handlingOutcome(), r.solution(), r.compensation(), now);
        feedback.publish(new FeedbackEvent.FeedbackResolved(item.getId(), now, item.getResolutionDueAt(), item.getPausedMinutes()));
        if (r.leadOutcome() != null) {
            item.recordLeadOutcome(r.leadOutcome(), r.leadAmount(), r.leadLostReason());
            feedback.publish(new FeedbackEvent.FeedbackLeadOutcome(item.getId(), now, r.leadOutcome(), r.leadAmount()));
        }
        feedback.log(item, (String) execution.getVariable(CompletedBy.VARIABLE), ProgressKind.RESOLVED,
                r.handlingOutcome().label() + (r.compensation() == Compensation.NONE ? "" : " · 补偿 Compensation: " + r.compensation().label())
                        + (r.leadOutcome() == null ? "" : " · 销售线索 Lead: " + r.leadOutcome().label()
                                + (r.leadAmount() == null ? "" : " " + r.leadAmount().toPlainString()))
                        + ": " + r.solution());
        comments.sync(item, execution.getProcessInstanceId());
        execution.setVariable(FeedbackVariables.HANDLING_OUTCOME, r.handlingOutcome().name());
        execution.setVariable(FeedbackVariables.CONFIRM_DUE, Date.from(now.plus(parameters.confirmWithin())));
        execution.removeVariable("compensation");
        execution.removeVariable(FeedbackForms.Resolution.SALES_OUTCOME);
        execution.removeVariable(FeedbackForms.Resolution.LEAD_OUTCOME);
        execution.removeVariable(FeedbackForms.Resolution.LEAD_AMOUNT);
        PersonalFields.removeFrom(execution);
    }
}
