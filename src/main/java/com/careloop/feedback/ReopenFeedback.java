package com.careloop.feedback;

import com.careloop.sla.ServiceParameters;
import com.careloop.sla.SlaClock;
import com.careloop.sla.WorkCalendar;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The customer is not satisfied: the item goes back to its owner with a fresh resolution SLA. */
@Component("reopenFeedback")
class ReopenFeedback implements JavaDelegate {

    private final FeedbackService feedback;
    private final WorkCalendar calendar;
    private final ServiceParameters parameters;
    private final Clock clock;
    private final SlaTimes times;

    ReopenFeedback(FeedbackService feedback, WorkCalendar calendar, ServiceParameters parameters, Clock clock, SlaTimes times) {
        this.times = times;
        this.feedback = feedback;
        this.calendar = calendar;
        this.parameters = parameters;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FeedbackItem item = feedback.itemOf(execution);
        Instant now = clock.instant();
        SlaClock slaClock = SlaClock.parse(execution.getVariable(FeedbackVariables.SLA_CLOCK));
        Instant due = calendar.deadline(now, (String) execution.getVariable(FeedbackVariables.RESOLUTION_SLA), slaClock);
        int expectedCount = ((Number) execution.getVariable(FeedbackVariables.REOPEN_COUNT)).intValue() + 1;
        if (item.getReopenCount() < expectedCount) {
            item.reopen(due);
            feedback.publish(new FeedbackEvent.FeedbackReopened(item.getId(), now, due));
            feedback.log(item, null, ProgressKind.REOPENED, "客户不满意，重新处理 Reopened (" + item.getReopenCount() + ")");
        }
        execution.setVariable(FeedbackVariables.REOPEN_COUNT, item.getReopenCount());
        execution.setVariable(FeedbackVariables.REVISIT_ATTEMPTS, 0);
        execution.setVariable(FeedbackVariables.RESOLUTION_DUE, Date.from(due));
        execution.setVariable(FeedbackVariables.RESOLUTION_REMINDER_AT, Date.from(calendar.reminder(now, due, slaClock, parameters.reminderAt())));
        execution.setVariable(FeedbackVariables.PROGRESS_NOTICE_AT, Date.from(times.before(now, due, parameters.progressNoticeLead(), slaClock)));
    }
}
