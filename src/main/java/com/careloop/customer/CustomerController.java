package com.careloop.customer;

import com.careloop.identity.ApiAccess;
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
    private final ApiAccess access;

    public CustomerController(CustomerService service, ApiAccess access) {
        this.service = service;
        this.access = access;
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
