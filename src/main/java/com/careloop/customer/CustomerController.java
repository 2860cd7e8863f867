package com.careloop.customer;

import com.careloop.api.InvalidRequestException;
import com.careloop.identity.ApiAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
    private final ApiAccess access;

    public CustomerController(CustomerService service, CustomerCsvImport csvImport, ApiAccess access) {
        this.service = service;
        this.csvImport = csvImport;
        this.access = access;
    }

    /** CSV import as multipart field "file". */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public CustomerCsvImport.Result importFile(@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        access.requireAny(ApiAccess.MAINTAIN_CUSTOMERS);
        if (file == null || file.isEmpty()) {
            throw new InvalidRequestException("file", "multipart field 'file' with a CSV file is required");
        }
        try (InputStream in = file.getInputStream()) {
            return csvImport.importCsv(in);
        }
    }

    /** CSV import as a text/csv request body. */
    @PostMapping(path = "/import", consumes = {"text/csv", "application/csv", MediaType.TEXT_PLAIN_VALUE})
    public CustomerCsvImport.Result importBody(HttpServletRequest request) throws IOException {
        access.requireAny(ApiAccess.MAINTAIN_CUSTOMERS);
        try (InputStream in = request.getInputStream()) {
            return csvImport.importCsv(in);
        }
    }

    /** An event that moves the customer into a follow-up window (purchase, resolution, login). */
    @PostMapping("/{externalId}/events")
    public CustomerView event(@PathVariable String externalId, @Valid @RequestBody CustomerEvent event) {
        access.requireAny(ApiAccess.MAINTAIN_CUSTOMERS);
        return CustomerView.of(service.record(externalId, event));
    }

    /** Create or update by externalId: 201 when created, 200 when updated. */
    @PostMapping
    public ResponseEntity<CustomerView> upsert(@Valid @RequestBody CustomerRequest request) {
        access.requireAny(ApiAccess.MAINTAIN_CUSTOMERS);
        CustomerService.Upserted result = service.upsert(request);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(CustomerView.of(result.customer()));
    }

    @GetMapping("/{id}")
    public CustomerView get(@PathVariable long id) {
        access.requireAny(ApiAccess.READ);
        return CustomerView.of(service.get(id));
    }
}
