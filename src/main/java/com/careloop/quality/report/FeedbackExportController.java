package com.careloop.quality.report;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.careloop.feedback.FeedbackChannel;
import com.careloop.feedback.FeedbackRegisterQuery;
import com.careloop.feedback.FeedbackStatus;
import com.careloop.feedback.FeedbackType;
import com.careloop.feedback.Urgency;
import com.careloop.identity.ApiAccess;
import com.careloop.identity.ApiUser;
import com.careloop.sla.ServiceParameters;
import com.careloop.sla.WorkCalendar;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/feedback/export.xlsx?status=&type=&urgency=&channel=&team=&overdue=&customerExternalId=&q=&from=&to=}:
 * the feedback register's query (the same parameters as {@code GET /api/feedback}, without page and size) as one XLSX
 * sheet, in the list's order, with the same rule of who sees which item ({@link FeedbackRegisterQuery}). Phones are
 * masked for everyone (a file leaves the system). Headers zh-CN first, then English. At most
 * {@code feedback.exportMaxRows} of bpmn/serviceParameters.dmn rows (shipped 50,000); a larger query is a 400.
 * Written by quality's {@link XlsxReportWriter}, as the reports are.
 */
@RestController
class FeedbackExportController {

    static final String SHEET = "反馈登记表 (Feedback register)";

    private final FeedbackRegisterQuery register;
    private final XlsxReportWriter xlsx;
    private final ApiAccess access;
    private final ServiceParameters parameters;
    private final WorkCalendar calendar;
    private final Clock clock;

    FeedbackExportController(FeedbackRegisterQuery register, XlsxReportWriter xlsx, ApiAccess access, ServiceParameters parameters,
                             WorkCalendar calendar, Clock clock) {
        this.register = register;
        this.xlsx = xlsx;
        this.access = access;
        this.parameters = parameters;
        this.calendar = calendar;
        this.clock = clock;
    }

    @ApiResponse(responseCode = "200", description = "反馈登记表 XLSX The register as an XLSX workbook",
            content = @Content(mediaType = XlsxReportWriter.CONTENT_TYPE, schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/api/feedback/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) FeedbackStatus status,
                                  @RequestParam(required = false) FeedbackType type,
                                  @RequestParam(required = false) Urgency urgency,
                                  @RequestParam(required = false) FeedbackChannel channel,
                                  @RequestParam(required = false) String team,
                                  @RequestParam(required = false) Boolean overdue,
                                  @RequestParam(required = false) Boolean paused,
                                  @RequestParam(required = false) String customerExternalId,
                                  @RequestParam(required = false) String q,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        ApiUser user = access.requireAny(ApiAccess.READ);
        List<FeedbackRegisterQuery.ExportRow> rows = register.export(new FeedbackRegisterQuery.Filter(status, type, urgency, channel,
                blankToNull(team), overdue, paused, blankToNull(customerExternalId), q, from, to, 0, 1), user, parameters.feedbackExportMaxRows());
        ReportSheet.Builder sheet = ReportSheet.named(SHEET)
                .column("number", "反馈编号 (Number)", CellFormat.TEXT)
                .column("createdAt", "登记时间 (Registered)", CellFormat.TEXT)
                .column("channel", "渠道 (Channel)", CellFormat.TEXT)
                .column("type", "类型 (Type)", CellFormat.TEXT)
                .column("urgency", "紧急程度 (Urgency)", CellFormat.TEXT)
                .column("status", "状态 (Status)", CellFormat.TEXT)
                .column("team", "处理部门 (Team)", CellFormat.TEXT)
                .column("responseDueAt", "响应期限 (Respond by)", CellFormat.TEXT)
                .column("resolutionDueAt", "解决期限 (Resolve by)", CellFormat.TEXT)
                .column("overdue", "超期 (Overdue)", CellFormat.TEXT)
                .column("customerExternalId", "客户编号 (Customer ID)", CellFormat.TEXT)
                .column("customerName", "客户 (Customer)", CellFormat.TEXT)
                .column("customerPhone", "客户电话 (Customer phone, masked)", CellFormat.TEXT)
                .column("contactPhone", "联系电话 (Contact phone, masked)", CellFormat.TEXT)
                .column("productModel", "产品型号 (Product model)", CellFormat.TEXT)
                .column("serialNumber", "序列号 (Serial number)", CellFormat.TEXT)
                .column("mergedInto", "合并至 (Merged into)", CellFormat.TEXT);
        for (FeedbackRegisterQuery.ExportRow e : rows) {
            FeedbackRegisterQuery.Row r = e.row();
            sheet.row(r.number(), time(r.createdAt()), r.channel().label(), r.type().label(), r.urgency().label(), r.status().name(),
                    r.team(), time(r.responseDueAt()), time(r.resolutionDueAt()), r.overdue() ? "是 Yes" : "否 No", r.customerExternalId(),
                    r.customerName(), e.customerPhoneMasked(), e.contactPhoneMasked(), e.productModel(), e.serialNumber(), r.mergedInto());
        }
        String day = LocalDate.now(clock.withZone(calendar.zone())).toString();
        String fileName = "careloop-feedback-" + day + ".xlsx";
        byte[] body = xlsx.write("反馈登记表 Feedback register " + day, List.of(sheet.build()), fileName);
        String disposition = ContentDisposition.attachment().filename(fileName).build() + "; filename*=UTF-8''"
                + URLEncoder.encode("反馈登记表-" + day + ".xlsx", StandardCharsets.UTF_8).replace("+", "%20");
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(XlsxReportWriter.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition)
                .body(body);
    }

    /** 2026-12-01 14:30 in the calendar's zone; empty without a time. */
    private String time(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, calendar.zone()).withSecond(0).withNano(0).toString().replace('T', ' ');
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
