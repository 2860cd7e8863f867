package com.careloop.quality.report;

import java.time.Instant;
import com.careloop.sla.WorkCalendar;
import java.time.ZoneId;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The timers of bpmn/qualityReports.bpmn read {@code ${qualityReportSchedule.daily}}, {@code .weekly} and
 * {@code .monthly}: the configured crons (careloop.quality.reports.*-cron, meant in the calendar's zone
 * careloop.calendar.zone) in the server's time zone ({@link ReportCron}).
 */
@Component("qualityReportSchedule")
@EnableConfigurationProperties(ReportScheduleProperties.class)
public class QualityReportSchedule {

    private final ReportScheduleProperties props;
    private final ZoneId zone;

    public QualityReportSchedule(ReportScheduleProperties props, WorkCalendar calendar) {
        this.props = props;
        this.zone = calendar.zone();
    }

    public String getDaily() {
        return serverZone(props.dailyCron());
    }

    public String getWeekly() {
        return serverZone(props.weeklyCron());
    }

    public String getMonthly() {
        return serverZone(props.monthlyCron());
    }

    private String serverZone(String cron) {
        return ReportCron.inZone(cron, zone, ZoneId.systemDefault(), Instant.now());
    }
}
