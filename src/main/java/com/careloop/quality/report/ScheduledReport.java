package com.careloop.quality.report;

import com.careloop.sla.WorkCalendar;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * What one timer of process qualityReports sends, and what it does on a day that is not a working day (the calendar
 * of module sla, public holidays and adjusted working days included):
 * <ul>
 * <li>DAILY (every day 08:00): on a working day, the daily report of the days since the previous working day (on a
 * Monday Friday to Sunday, after a holiday every day of it); on any other day nothing — the next working day's report
 * covers it.</li>
 * <li>WEEKLY (Monday 08:00): the weekly report of the week before; on a day off it waits for the next working day.</li>
 * <li>MONTHLY (the 1st 08:00): the monthly analysis and the agents' report of the month before; on a day off it waits
 * for the next working day.</li>
 * </ul>
 */
public enum ScheduledReport {
    DAILY, WEEKLY, MONTHLY;

    /** How far back a daily report looks for the previous working day (the longest holiday is far shorter). */
    static final int MAX_DAYS_BACK = 31;

    /** What a day off does with this report: nothing (a later report covers it), or wait for the next working day. */
    public boolean skippedOnDaysOff() {
        return this == DAILY;
    }

    /** The days reported on {@code today} (the day the timer fired, in the calendar's zone). */
    public ReportPeriod period(LocalDate today, WorkCalendar calendar) {
        return switch (this) {
            case DAILY -> {
                LocalDate from = today.minusDays(1);
                for (int i = 1; i < MAX_DAYS_BACK && !calendar.isWorkingDay(from); i++) {
                    from = from.minusDays(1);
                }
                yield ReportPeriod.days(from, today);
            }
            case WEEKLY -> ReportPeriod.weekOf(today.minusWeeks(1));
            case MONTHLY -> ReportPeriod.month(YearMonth.from(today).minusMonths(1));
        };
    }

    /** The reports sent for that period: the monthly analysis comes with the agents' report. */
    public List<Requested> reports(ReportPeriod period) {
        return switch (this) {
            case DAILY -> List.of(new Requested(ReportKind.DAILY, period));
            case WEEKLY -> List.of(new Requested(ReportKind.WEEKLY, period));
            case MONTHLY -> List.of(new Requested(ReportKind.MONTHLY, period), new Requested(ReportKind.AGENTS, period));
        };
    }

    /** One report of one period. */
    public record Requested(ReportKind kind, ReportPeriod period) {
    }
}
