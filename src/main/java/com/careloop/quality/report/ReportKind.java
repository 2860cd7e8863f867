package com.careloop.quality.report;

import com.careloop.errors.InvalidRequestException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The four service-quality reports (seed 004 服务日报 / 周报 / 月度满意度分析报告, seed 003 客服月度报告), the path
 * segment of {@code GET /api/reports/{kind}} and the query parameter each takes.
 */
public enum ReportKind {
    DAILY("daily", "date", "服务日报", "Daily service report"),
    WEEKLY("weekly", "week", "服务周报", "Weekly service report"),
    MONTHLY("monthly", "month", "月度满意度分析报告", "Monthly satisfaction analysis"),
    AGENTS("agents", "month", "客服月度报告", "Monthly agent report");

    private final String path;
    private final String parameter;
    private final String titleZh;
    private final String titleEn;

    ReportKind(String path, String parameter, String titleZh, String titleEn) {
        this.path = path;
        this.parameter = parameter;
        this.titleZh = titleZh;
        this.titleEn = titleEn;
    }

    public String path() {
        return path;
    }

    /** The query parameter that names the period: date, week or month. */
    public String parameter() {
        return parameter;
    }

    /** "服务日报 Daily service report" */
    public String title() {
        return titleZh + " " + titleEn;
    }

    public String titleZh() {
        return titleZh;
    }

    public static ReportKind ofPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path == null ? "" : path.toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new InvalidRequestException("kind", "unknown report '" + path
                        + "': one of daily, weekly, monthly, agents"));
    }
}
