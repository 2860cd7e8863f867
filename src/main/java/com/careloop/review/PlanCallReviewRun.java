package com.careloop.review;

import com.careloop.sla.WorkCalendar;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "安排本周质检 Plan the run" of callReview: the sampled week is the calendar week (Monday to Sunday, the calendar's
 * zone) before the one the run starts in; on a working day the run goes on now ({@code runAction} RUN), otherwise it
 * waits for the next working day at the same time (WAIT, {@code runAt}), by the work calendar with holidays and
 * adjusted working days. The business key is "CR " and that Monday.
 */
@Component("planCallReviewRun")
class PlanCallReviewRun implements JavaDelegate {

    /** no run waits longer than this for a working day (a calendar without one is a configuration error) */
    static final int MAX_WAIT_DAYS = 31;

    private final WorkCalendar calendar;
    private final Clock clock;

    PlanCallReviewRun(WorkCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(calendar.zone()));
        LocalDate today = now.toLocalDate();
        LocalDate weekFrom = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        execution.setVariable(ReviewVariables.WEEK_FROM, weekFrom.toString());
        execution.setProcessBusinessKey("CR " + weekFrom);
        if (calendar.isWorkingDay(today)) {
            execution.setVariable(ReviewVariables.RUN_ACTION, "RUN");
            return;
        }
        LocalDate day = today.plusDays(1);
        for (int i = 0; i < MAX_WAIT_DAYS && !calendar.isWorkingDay(day); i++) {
            day = day.plusDays(1);
        }
        LocalDateTime at = LocalDateTime.of(day, now.toLocalTime().truncatedTo(ChronoUnit.MINUTES));
        execution.setVariable(ReviewVariables.RUN_ACTION, "WAIT");
        execution.setVariable(ReviewVariables.RUN_AT, Date.from(at.atZone(calendar.zone()).toInstant()));
    }
}
