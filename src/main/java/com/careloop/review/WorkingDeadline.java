package com.careloop.review;

import com.careloop.sla.SlaClock;
import com.careloop.sla.WorkCalendar;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A review task's due time and reminder time, in working time of the work calendar: due the model input
 * {@code dueInput} (an ISO duration, P2D = 2 working days) from now, reminded at the model input
 * {@code reminderFraction} of that working time; written to the two variables the task's due date and timers read.
 */
final class WorkingDeadline {

    private WorkingDeadline() {
    }

    static void schedule(DelegateExecution execution, WorkCalendar calendar, Clock clock, String dueInput,
                         String dueAtVariable, String reminderAtVariable) {
        Instant now = clock.instant();
        Instant due = calendar.deadline(now, (String) execution.getVariable(dueInput), SlaClock.WORKING);
        double fraction = Double.parseDouble(String.valueOf(execution.getVariable("reminderFraction")));
        execution.setVariable(dueAtVariable, Date.from(due));
        execution.setVariable(reminderAtVariable, Date.from(calendar.reminder(now, due, SlaClock.WORKING, fraction)));
    }
}
