package com.careloop.quality.report;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * careloop.quality.reports.*: when process qualityReports e-mails the reports to the cs-managers — cron expressions
 * (sec min hour day month weekday) meant in the calendar's zone (careloop.calendar.zone, Asia/Shanghai): daily 08:00,
 * Monday 08:00, the 1st of the month 08:00.
 */
@ConfigurationProperties("careloop.quality.reports")
public record ReportScheduleProperties(String dailyCron, String weeklyCron, String monthlyCron) {

    public ReportScheduleProperties {
        dailyCron = orDefault(dailyCron, "0 0 8 * * ?");
        weeklyCron = orDefault(weeklyCron, "0 0 8 ? * MON");
        monthlyCron = orDefault(monthlyCron, "0 0 8 1 * ?");
    }

    private static String orDefault(String cron, String fallback) {
        String c = cron == null || cron.isBlank() ? fallback : cron.strip();
        if (c.split("\\s+").length < 6) {
            throw new IllegalArgumentException("careloop.quality.reports.*-cron must have 6 or 7 fields (sec min hour day month weekday): " + c);
        }
        return c;
    }
}
