package com.careloop.review;

import com.careloop.sla.WorkCalendar;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "排定申诉期限 Schedule the appeal" of callReviewCase: Task_DecideAppeal is due {@code appealDue} (model input, working
 * time of the work calendar: P2D = 2 working days) from now; reminded at {@code reminderFraction} of that working time.
 */
@Component("scheduleAppealDecision")
class ScheduleAppealDecision implements JavaDelegate {

    private final WorkCalendar calendar;
    private final Clock clock;

    ScheduleAppealDecision(WorkCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        WorkingDeadline.schedule(execution, calendar, clock, "appealDue", ReviewVariables.APPEAL_DUE_AT, ReviewVariables.APPEAL_REMINDER_AT);
    }
}
