package com.careloop.quality.report;

/** One column of a report sheet: its key in the JSON rows, its label ("满意度 (CSAT)") and how its numbers look. */
public record ReportColumn(String key, String label, CellFormat format) {
}
