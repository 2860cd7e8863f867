package com.careloop.calendar;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Health component "calendar": UP while the holiday data covers this year and no maintenance task waits;
 * UNKNOWN (never DOWN — deadlines still work, counting only weekends) with the missing year otherwise.
 */
@Component("calendarHealthIndicator")
class HolidayCalendarHealth extends AbstractHealthIndicator {

    private final HolidayCalendar calendar;
    private final TaskService tasks;
    private final Clock clock;

    HolidayCalendarHealth(HolidayCalendar calendar, TaskService tasks, Clock clock) {
        super("holiday calendar check failed");
        this.calendar = calendar;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        int year = LocalDate.now(clock).getYear();
        health.withDetail("years", calendar.years().stream().map(HolidayCalendar.YearSummary::year).toList());
        if (!calendar.hasDataFor(year)) {
            health.status(Status.UNKNOWN).withDetail("missingYear", year)
                    .withDetail("message", "no holidays on file for " + year + ": load them with PUT /api/calendar/years/" + year);
            return;
        }
        var waiting = tasks.createTaskQuery().processDefinitionKey(CheckHolidayData.PROCESS_KEY)
                .taskDefinitionKey(CheckHolidayData.TASK_MAINTAIN).list();
        if (!waiting.isEmpty()) {
            Object missing = tasks.getVariable(waiting.get(0).getId(), HolidayCalendar.VAR_MISSING_YEAR);
            health.status(Status.UNKNOWN).withDetail("missingYear", missing)
                    .withDetail("message", "no holidays on file for " + missing + " yet: a cs-managers task waits in Tasklist");
            return;
        }
        health.up();
    }
}
