package com.careloop.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Health component "calendar": UP while the holiday data covers this year and no maintenance task waits;
 * UNKNOWN (never DOWN — deadlines still work, counting only weekends) with the missing year otherwise, or with
 * the error when the check itself fails.
 */
@Component("calendarHealthIndicator")
class HolidayCalendarHealth extends AbstractHealthIndicator {

    private final HolidayCalendar calendar;
    private final Clock clock;

    HolidayCalendarHealth(HolidayCalendar calendar, Clock clock) {
        super("holiday calendar check failed");
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        try {
            check(health);
        } catch (RuntimeException e) {
            // the database being away is the "db" component's DOWN, not the calendar's
            health.status(Status.UNKNOWN).withDetail("error", e.getClass().getSimpleName());
        }
    }

    private void check(Health.Builder health) {
        int year = LocalDate.now(clock).getYear();
        health.withDetail("years", calendar.yearsWithData());
        if (!calendar.hasDataFor(year)) {
            health.status(Status.UNKNOWN).withDetail("missingYear", year)
                    .withDetail("message", "no holidays on file for " + year + ": load them with PUT /api/calendar/years/" + year);
            return;
        }
        List<Integer> waiting = calendar.waitingYears();
        if (!waiting.isEmpty()) {
            health.status(Status.UNKNOWN).withDetail("missingYear", waiting.get(0))
                    .withDetail("message", "no holidays on file for " + waiting.get(0) + " yet: a cs-managers task waits in Tasklist");
            return;
        }
        health.up();
    }
}
