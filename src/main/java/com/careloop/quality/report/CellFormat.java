package com.careloop.quality.report;

/**
 * How a report column's numbers are shown in the XLSX: counts as whole numbers, percentages as Excel percentages
 * (a KPI of 85.3 is the cell value 0.853 shown as 85.3%), scores with one or two decimals, dates as dates.
 */
public enum CellFormat {
    TEXT(null), DATE("yyyy-mm-dd"), COUNT("0"), PERCENT("0.0%"), DECIMAL1("0.0"), DECIMAL2("0.00");

    private final String excelFormat;

    CellFormat(String excelFormat) {
        this.excelFormat = excelFormat;
    }

    /** The Excel number format, null for text. */
    public String excelFormat() {
        return excelFormat;
    }
}
