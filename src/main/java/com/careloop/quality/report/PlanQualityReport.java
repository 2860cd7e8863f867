package com.careloop.quality.report;

import com.careloop.sla.WorkCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "安排报表 Plan the report" of qualityReports (variable {@value #SCHEDULE}: DAILY, WEEKLY or MONTHLY, passed in
 * by the timer trigger processes qualityReportsDaily / Weekly / Monthly): fixes
 * the period from today's date in the calendar's zone and decides, by the work calendar, whether the report goes out
 * now ({@value #ACTION} SEND), waits for the next working day at the same time (WAIT, {@value #SEND_AT}) or is
 * skipped (SKIP, daily only: {@link ScheduledReport}). Only the schedule and the period are process variables; the
 * workbook is built when the e-mail is sent.
 */
@Component("planQualityReport")
class PlanQualityReport implements JavaDelegate {

    /** which timer started the process: DAILY, WEEKLY or MONTHLY */
    public static final String SCHEDULE = "schedule";
    public static final String ACTION = "reportAction";
    public static final String FROM = "reportFrom";
    public static final String TO = "reportTo";
    public static final String SEND_AT = "sendAt";
    /** the days of the report, as its label (2026-11-30, 2026-W48, 2026-11): the notification's reference */
    public static final String PERIOD = "reportPeriod";

    private final WorkCalendar calendar;
    private final Clock clock;

    PlanQualityReport(WorkCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    static String businessKey(ScheduledReport report, ReportPeriod period) {
        return report.name() + " " + period.label();
    }

    @Override
    public void execute(DelegateExecution execution) {
        ScheduledReport report = ScheduledReport.valueOf(String.valueOf(execution.getVariable(SCHEDULE)));
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(calendar.zone()));
        LocalDate today = now.toLocalDate();
        ReportPeriod period = report.period(today, calendar);
        execution.setVariable(FROM, period.from().toString());
        execution.setVariable(TO, period.to().toString());
        execution.setVariable(PERIOD, period.label());
        // "DAILY 2026-11-27~2026-11-29": what Cockpit lists, and the notification's reference in the delivery log
        execution.setProcessBusinessKey(businessKey(report, period));
        if (calendar.isWorkingDay(today)) {
            execution.setVariable(ACTION, "SEND");
        } else if (report.skippedOnDaysOff()) {
            execution.setVariable(ACTION, "SKIP");
        } else {
            LocalDate day = today.plusDays(1);
            for (int i = 0; i < ScheduledReport.MAX_DAYS_BACK && !calendar.isWorkingDay(day); i++) {
                day = day.plusDays(1);
            }
            LocalDateTime at = LocalDateTime.of(day, now.toLocalTime().truncatedTo(ChronoUnit.MINUTES));
            execution.setVariable(ACTION, "WAIT");
            execution.setVariable(SEND_AT, Date.from(at.atZone(calendar.zone()).toInstant()));
        }
    }
}
