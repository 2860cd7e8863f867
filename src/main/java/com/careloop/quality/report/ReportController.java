package com.careloop.quality.report;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.careloop.errors.InvalidRequestException;
import com.careloop.identity.ApiAccess;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/{daily|weekly|monthly|agents}?date=2026-11-30 | week=2026-W48 | month=2026-11}: the XLSX
 * workbook (attachment), or the same sheets as JSON with {@code Accept: application/json}. cs-managers and
 * cs-supervisors (and admins). A missing or malformed period, a parameter of another report, an unknown report: 400
 * naming the parameter.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    private static final List<String> PERIOD_PARAMETERS = List.of("date", "week", "month");

    private final QualityReports reports;
    private final XlsxReportWriter xlsx;
    private final ApiAccess access;

    ReportController(QualityReports reports, XlsxReportWriter xlsx, ApiAccess access) {
        this.reports = reports;
        this.xlsx = xlsx;
        this.access = access;
    }

    @ApiResponse(responseCode = "200", description = "报表：默认 XLSX 工作簿，Accept: application/json 时为 JSON The report: an XLSX workbook, or JSON when asked for",
            content = {@Content(mediaType = XlsxReportWriter.CONTENT_TYPE, schema = @Schema(type = "string", format = "binary")),
                    @Content(mediaType = "application/json", schema = @Schema(implementation = QualityReport.class))})
    @GetMapping("/{kind}")
    ResponseEntity<?> report(@PathVariable String kind, @RequestParam Map<String, String> parameters,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        access.requireAny(ApiAccess.READ_KPIS);
        ReportKind k = ReportKind.ofPath(kind);
        for (String p : PERIOD_PARAMETERS) {
            if (parameters.containsKey(p) && !p.equals(k.parameter())) {
                throw new InvalidRequestException(p, "the " + k.path() + " report takes " + k.parameter() + "=, not " + p + "=");
            }
        }
        QualityReport report = reports.build(k, ReportPeriod.parse(k, parameters.get(k.parameter())));
        if (wantsJson(accept)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        }
        ContentDisposition disposition = ContentDisposition.attachment().filename(report.fileName()).build();
        String header = disposition + "; filename*=UTF-8''" + java.net.URLEncoder.encode(report.fileNameZh(),
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(XlsxReportWriter.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, header)
                .body(xlsx.write(report));
    }

    /** JSON only when asked for it (and the workbook not asked for as well). */
    private static boolean wantsJson(String accept) {
        if (accept == null) {
            return false;
        }
        List<MediaType> types = MediaType.parseMediaTypes(accept);
        boolean json = types.stream().anyMatch(t -> t.equalsTypeAndSubtype(MediaType.APPLICATION_JSON));
        boolean workbook = types.stream().anyMatch(t -> t.toString().startsWith("application/vnd.openxmlformats"));
        return json && !workbook;
    }
}
