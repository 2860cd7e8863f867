package com.careloop.review;

import com.careloop.sla.WorkCalendar;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "排定质检期限 Schedule the review" of callReviewCase: the review is due {@code reviewDue} (model input, working time
 * of the work calendar: P2D = 2 working days) from now; reminded at {@code reminderFraction} of that working time.
 */
@Component("scheduleCallReview")
class ScheduleCallReview implements JavaDelegate {

    private final WorkCalendar calendar;
    private final Clock clock;

    ScheduleCallReview(WorkCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        WorkingDeadline.schedule(execution, calendar, clock, "reviewDue", ReviewVariables.REVIEW_DUE_AT, ReviewVariables.REVIEW_REMINDER_AT);
    }
}
