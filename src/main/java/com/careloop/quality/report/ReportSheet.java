package com.careloop.quality.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sheet of a report: a name ("满意度趋势 (Satisfaction trend)"), its columns and rows. A row holds one value per
 * column: a String, a LocalDate, a Number, or null (an empty cell: a KPI with no denominator). Percentages are KPI
 * values 0–100 as {@code GET /api/kpis} gives them. In JSON each row is an object keyed by the column keys.
 */
public record ReportSheet(String name, List<ReportColumn> columns, @JsonIgnore List<List<Object>> rows) {

    public ReportSheet {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(name + ": a row of " + row.size() + " values for " + columns.size() + " columns");
            }
            copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = List.copyOf(copy);
    }

    @JsonProperty("rows")
    public List<Map<String, Object>> rowObjects() {
        List<Map<String, Object>> objects = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            Map<String, Object> o = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                o.put(columns.get(i).key(), row.get(i));
            }
            objects.add(o);
        }
        return objects;
    }

    /** A sheet built row by row. */
    static Builder named(String name) {
        return new Builder(name);
    }

    static final class Builder {
        private final String name;
        private final List<ReportColumn> columns = new ArrayList<>();
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        Builder column(String key, String label, CellFormat format) {
            columns.add(new ReportColumn(key, label, format));
            return this;
        }

        Builder row(Object... values) {
            rows.add(java.util.Arrays.asList(values));
            return this;
        }

        ReportSheet build() {
            return new ReportSheet(name, columns, rows);
        }
    }
}
