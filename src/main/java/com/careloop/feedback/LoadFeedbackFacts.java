package com.careloop.feedback;

import static com.careloop.identity.CareLoopGroups.AGENTS;
import static com.careloop.identity.CareLoopGroups.CS_CENTER;

import com.careloop.sla.ServiceParameters;
import com.careloop.sla.SlaClock;
import com.careloop.sla.WorkCalendar;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Puts the routing facts of the item (type, urgency, who re-visits) into the process; business key = item number.
 * An inbound item not yet verified is verified first ({@code verificationRequired}): due within
 * {@code feedback.verifySla} working time of its registration, reminded at {@code feedback.reminderAt} of it.
 */
@Component("loadFeedbackFacts")
class LoadFeedbackFacts implements JavaDelegate {

    private final FeedbackService feedback;
    private final WorkCalendar calendar;
    private final ServiceParameters parameters;

    LoadFeedbackFacts(FeedbackService feedback, WorkCalendar calendar, ServiceParameters parameters) {
        this.feedback = feedback;
        this.calendar = calendar;
        this.parameters = parameters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FeedbackItem item = feedback.startedItem(execution);
        if (item.getProcessInstanceId() == null) {
            item.setProcessInstanceId(execution.getProcessInstanceId());
        }
        execution.setProcessBusinessKey(item.getNumber());
        execution.setVariable("feedbackNumber", item.getNumber());
        execution.setVariable(FeedbackVariables.FEEDBACK_TYPE, item.getType().name());
        execution.setVariable(FeedbackVariables.FEEDBACK_URGENCY, item.getUrgency().name());
        execution.setVariable(FeedbackVariables.REVISIT_AGENT, item.getRevisitAgent());
        execution.setVariable(FeedbackVariables.REVISIT_GROUP, item.getSource() == FeedbackSource.INBOUND ? CS_CENTER : AGENTS);
        execution.setVariable(FeedbackVariables.REOPEN_COUNT, item.getReopenCount());
        execution.setVariable(FeedbackVariables.REVISIT_ATTEMPTS, 0);
        execution.setVariable(FeedbackVariables.URGENT, item.getUrgency() == Urgency.URGENT);
        execution.setVariable(FeedbackVariables.TASK_PRIORITY, parameters.feedbackTaskPriority(item.getUrgency().name()));
        boolean verify = item.getSource() == FeedbackSource.INBOUND && item.getVerification() == null;
        execution.setVariable(FeedbackVariables.VERIFICATION_REQUIRED, verify);
        if (verify) {
            Instant start = item.getCreatedAt();
            Instant due = calendar.deadline(start, parameters.verifySla().toString(), SlaClock.WORKING);
            execution.setVariable(FeedbackVariables.VERIFY_DUE, Date.from(due));
            execution.setVariable(FeedbackVariables.VERIFY_REMINDER_AT,
                    Date.from(calendar.reminder(start, due, SlaClock.WORKING, parameters.reminderAt())));
        }
    }
}
