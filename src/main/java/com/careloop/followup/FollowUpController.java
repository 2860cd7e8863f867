package com.careloop.followup;

import com.careloop.errors.InvalidRequestException;
import com.careloop.identity.ApiAccess;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/follow-ups")
public class FollowUpController {

    public record StartRequest(Long customerId, Scenario scenario) {}

    private final FollowUpService service;
    private final FollowUpQueries queries;
    private final ApiAccess access;

    public FollowUpController(FollowUpService service, FollowUpQueries queries, ApiAccess access) {
        this.service = service;
        this.queries = queries;
        this.access = access;
    }

    @PostMapping
    public ResponseEntity<FollowUpView> start(@RequestBody(required = false) StartRequest request) {
        access.requireAny(ApiAccess.START_FOLLOW_UPS);
        if (request == null) {
            throw new InvalidRequestException(List.of(new InvalidRequestException.FieldError("customerId", "is required"),
                    new InvalidRequestException.FieldError("scenario", "is required")));
        }
        FollowUp followUp = service.start(request.customerId(), request.scenario());
        return ResponseEntity.created(URI.create("/api/follow-ups/" + followUp.getNumber())).body(queries.byId(followUp.getId()));
    }

    @GetMapping("/{number}")
    public FollowUpView get(@PathVariable String number) {
        access.requireAny(ApiAccess.READ);
        return queries.byNumber(number);
    }

    @GetMapping
    public List<FollowUpView> byCustomer(@RequestParam(required = false) String customerExternalId) {
        access.requireAny(ApiAccess.READ);
        if (customerExternalId == null || customerExternalId.isBlank()) {
            throw new InvalidRequestException("customerExternalId", "query parameter is required");
        }
        return queries.byCustomerExternalId(customerExternalId);
    }
}
