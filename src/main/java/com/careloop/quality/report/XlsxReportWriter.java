package com.careloop.quality.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * Writes a report as an XLSX workbook with POI's streaming SXSSF (rows are flushed to a temporary file as they are
 * written, so a long sheet does not sit in memory): one sheet per report sheet, the header in row 1 (frozen), numbers
 * as numeric cells in their column's format (percentages as Excel percentages: the KPI 85.3 is the cell 0.853 shown
 * as 85.3%), dates as date cells, a KPI with no value as an empty cell.
 */
@Component
public class XlsxReportWriter {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** rows kept in memory per sheet before SXSSF flushes them */
    private static final int WINDOW = 200;

    public byte[] write(QualityReport report) {
        return write(report.title(), report.sheets(), report.fileName());
    }

    /** Any sheets (the feedback register's export, too) as one workbook with this title. */
    public byte[] write(String title, List<ReportSheet> sheets, String fileName) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        try {
            workbook.getXSSFWorkbook().getProperties().getCoreProperties().setTitle(title);
            Map<CellFormat, CellStyle> styles = styles(workbook);
            CellStyle header = headerStyle(workbook);
            for (ReportSheet s : sheets) {
                writeSheet(workbook.createSheet(s.name()), s, styles, header);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + fileName, e);
        } finally {
            workbook.dispose();
            try {
                workbook.close();
            } catch (IOException ignored) {
                // the temporary files are already gone (dispose)
            }
        }
    }

    private static void writeSheet(SXSSFSheet sheet, ReportSheet s, Map<CellFormat, CellStyle> styles, CellStyle header) {
        List<ReportColumn> columns = s.columns();
        Row head = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = head.createCell(c);
            cell.setCellValue(columns.get(c).label());
            cell.setCellStyle(header);
            sheet.setColumnWidth(c, width(columns.get(c).label()));
        }
        sheet.createFreezePane(0, 1);
        int r = 1;
        for (List<Object> values : s.rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < columns.size(); c++) {
                Object v = values.get(c);
                if (v == null) {
                    continue; // a KPI with no denominator: an empty cell, never 0
                }
                Cell cell = row.createCell(c);
                CellFormat format = columns.get(c).format();
                if (v instanceof Number n) {
                    cell.setCellValue(format == CellFormat.PERCENT ? n.doubleValue() / 100.0 : n.doubleValue());
                    cell.setCellStyle(styles.get(format == CellFormat.TEXT || format == CellFormat.DATE ? CellFormat.DECIMAL2 : format));
                } else if (v instanceof LocalDate d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(styles.get(CellFormat.DATE));
                } else {
                    cell.setCellValue(v.toString());
                }
            }
        }
    }

    /** Column width in 1/256 characters: a Chinese character is about two Latin ones. */
    private static int width(String label) {
        int w = 0;
        for (char ch : label.toCharArray()) {
            w += ch > 0x2E80 ? 2 : 1;
        }
        return Math.min(60, Math.max(12, w + 2)) * 256;
    }

    private static Map<CellFormat, CellStyle> styles(SXSSFWorkbook workbook) {
        DataFormat formats = workbook.createDataFormat();
        Map<CellFormat, CellStyle> styles = new EnumMap<>(CellFormat.class);
        for (CellFormat f : CellFormat.values()) {
            if (f.excelFormat() != null) {
                CellStyle style = workbook.createCellStyle();
                style.setDataFormat(formats.getFormat(f.excelFormat()));
                styles.put(f, style);
            }
        }
        return styles;
    }

    private static CellStyle headerStyle(SXSSFWorkbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        style.setWrapText(true);
        return style;
    }
}
