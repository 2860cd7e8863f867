package com.careloop.customer;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.careloop.errors.InvalidRequestException;
import com.careloop.identity.ApiAccess;
import com.careloop.identity.ApiUser;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers")
public class CustomerController {

    private final CustomerService service;
    private final CustomerCsvImport csvImport;
    private final CustomerImports imports;
    private final ApiAccess access;

    public CustomerController(CustomerService service, CustomerCsvImport csvImport, CustomerImports imports, ApiAccess access) {
        this.service = service;
        this.csvImport = csvImport;
        this.imports = imports;
        this.access = access;
    }

    /** CSV import as multipart field "file". */
    @ApiResponse(responseCode = "200", description = "导入完成 The COMPLETED import record",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CustomerImports.View.class)))
    @ApiResponse(responseCode = "400", description = "文件无法导入 The file failed: the problem names what was committed before, the FAILED record under \"import\"")
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Object> importFile(@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        ApiUser user = access.requireAny(ApiAccess.MAINTAIN_CUSTOMERS);
        if (file == null || file.isEmpty()) {
            throw new InvalidRequestException("file", "multipart field 'file' with a CSV file is required");
        }
        try (InputStream in = file.getInputStream()) {
            return importCsv(in, file.getOriginalFilename(), user);
        }
    }

    /** CSV import as a text/csv request body. */
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "CSV（UTF-8 或 GBK，首行为列名）CSV text, UTF-8 or GBK, a header line first",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"),
                    examples = @io.swagger.v3.oas.annotations.media.ExampleObject(value = "externalId,name,phone,tier\nCRM-100861,张伟,13800000000,VIP\n")))
    @ApiResponse(responseCode = "200", description = "导入完成 The COMPLETED import record",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CustomerImports.View.class)))
    @ApiResponse(responseCode = "400", description = "文件无法导入 The file failed: the problem names what was committed before, the FAILED record under \"import\"")
    @PostMapping(path = "/import", consumes = {"text/csv", "application/csv", MediaType.TEXT_PLAIN_VALUE})
    public ResponseEntity<Object> importBody(HttpServletRequest request) throws IOException {
        ApiUser user = access.requireAny(ApiAccess.MAINTAIN_CUSTOMERS);
        try (InputStream in = request.getInputStream()) {
            return importCsv(in, null, user);
        }
    }

    /**
     * 200 with the COMPLETED import record; a file that fails (no header, a quote never closed, unreadable) is a 400
     * problem whose detail says what was committed before, with the FAILED record under "import".
     */
    private ResponseEntity<Object> importCsv(InputStream in, String fileName, ApiUser user) {
        try {
            return ResponseEntity.ok(csvImport.importCsv(in, fileName, user.id()));
        } catch (CustomerCsvImport.ImportFailedException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
            problem.setTitle("Import failed");
            problem.setProperty("errors", e.errors().stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
            problem.setProperty("import", e.record());
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
    }

    /** An import's record: status RUNNING, COMPLETED, FAILED or INTERRUPTED, counts and the rejected lines. */
    @GetMapping("/imports/{id}")
    public CustomerImports.View importRecord(@PathVariable long id) {
        access.requireAny(ApiAccess.MAINTAIN_CUSTOMERS);
        return imports.get(id);
    }

    /** An event that moves the customer into a follow-up window (purchase, resolution, login). */
    @PostMapping("/{externalId}/events")
    public CustomerView event(@PathVariable String externalId, @Valid @RequestBody CustomerEvent event) {
        access.requireAny(ApiAccess.MAINTAIN_CUSTOMERS);
        return service.record(externalId, event).masked();
    }

    /** Create or update by externalId: 201 when created, 200 when updated. */
    @ApiResponse(responseCode = "201", description = "新建 Created")
    @ApiResponse(responseCode = "200", description = "已更新 Updated (the customer existed)")
    @PostMapping
    public ResponseEntity<CustomerView> upsert(@Valid @RequestBody CustomerRequest request) {
        access.requireAny(ApiAccess.MAINTAIN_CUSTOMERS);
        CustomerService.Upserted result = service.upsert(request);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(result.customer().masked());
    }

    /**
     * One customer: phone and e-mail unmasked (and audited) for cs-managers and the assignee of an open task of the
     * customer, masked for supervisors and those an open task is offered to; 404 for everyone else (see
     * {@link CustomerReadAccess}). Answers of writes (POST) are masked: the writer knows what they sent.
     */
    @GetMapping("/{id}")
    public ResponseEntity<CustomerView> get(@PathVariable long id) {
        ApiUser user = access.requireAny(ApiAccess.READ);
        return ResponseEntity.ok().cacheControl(org.springframework.http.CacheControl.noStore()).body(service.read(id, user));
    }

    /**
     * An erase request (PIPL), cs-managers and administrators only: 204 when the customer's personal data is anonymised
     * everywhere (again 204 when it already was), 404 for an unknown externalId, 409 {@code OPEN_CASES} naming the
     * customer's open follow-ups and feedback items, which must be closed first.
     */
    @ApiResponse(responseCode = "204", description = "个人数据已匿名化 The personal data is anonymised (again 204 when it already was)")
    @ApiResponse(responseCode = "409", description = "客户仍有未关闭的回访或反馈 Open follow-ups or feedback items (reason OPEN_CASES)")
    @DeleteMapping("/{externalId}/personal-data")
    public ResponseEntity<Void> erase(@PathVariable String externalId) {
        ApiUser user = access.requireAny(CustomerReadAccess.UNMASKED);
        service.erase(externalId, user.id());
        return ResponseEntity.noContent().build();
    }
}
