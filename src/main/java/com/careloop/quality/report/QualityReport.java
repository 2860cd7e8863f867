package com.careloop.quality.report;

import java.time.LocalDate;
import java.util.List;

/** A report ready to be written as XLSX or JSON: which one, the days it covers [from, to), its sheets. */
public record QualityReport(ReportKind kind, String title, String period, LocalDate from, LocalDate to, List<ReportSheet> sheets) {

    public QualityReport {
        sheets = List.copyOf(sheets);
    }

    /** careloop-daily-2026-11-30.xlsx */
    public String fileName() {
        return "careloop-" + kind.path() + "-" + period.replace('~', '_') + ".xlsx";
    }

    /** 服务日报-2026-11-30.xlsx: the Chinese file name (Content-Disposition filename*) */
    public String fileNameZh() {
        return kind.titleZh() + "-" + period.replace('~', '_') + ".xlsx";
    }
}
