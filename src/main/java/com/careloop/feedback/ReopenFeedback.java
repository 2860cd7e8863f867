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
public class ReopenFeedback implements JavaDelegate {

    private final FeedbackService feedback;
    private final WorkCalendar calendar;
    private final ServiceParameters parameters;
    private final Clock clock;

    public ReopenFeedback(FeedbackService feedback, WorkCalendar calendar, ServiceParameters parameters, Clock clock) {
        this.feedback = feedback;
        this.calendar = calendar;
        this.parameters = parameters;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FeedbackItem item = feedback.itemOf(execution);
        Instant now = clock.instant();
        SlaClock slaClock = SlaClock.parse(execution.getVariable("slaClock"));
        Instant due = calendar.deadline(now, (String) execution.getVariable("resolutionSla"), slaClock);
        int expectedCount = ((Number) execution.getVariable("reopenCount")).intValue() + 1;
        if (item.getReopenCount() < expectedCount) {
            item.reopen(due);
            feedback.log(item, null, ProgressKind.REOPENED, "客户不满意，重新处理 Reopened (" + item.getReopenCount() + ")");
        }
        execution.setVariable("reopenCount", item.getReopenCount());
        execution.setVariable("revisitAttempts", 0);
        execution.setVariable("resolutionDue", Date.from(due));
        execution.setVariable("resolutionReminderAt", Date.from(calendar.reminder(now, due, slaClock, parameters.reminderAt())));
    }
}
