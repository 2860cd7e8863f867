package com.careloop.followup;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.careloop.errors.InvalidRequestException;
import com.careloop.identity.ApiAccess;
import com.careloop.identity.ApiUser;
import com.careloop.identity.CareLoopGroups;
import java.net.URI;
import java.util.List;
import java.util.Set;
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

    /** {@code override} (cs-managers only): start despite the cooling period or a wrong number on file, for the reason given. */
    public record StartRequest(Long customerId, Scenario scenario, OverrideRequest override) {}

    public record OverrideRequest(String reason) {}

    /** Who may override an exclusion of a manual start (everyone else sending an override gets 403). */
    static final Set<String> OVERRIDE_EXCLUSIONS = Set.of(CareLoopGroups.CS_MANAGERS, CareLoopGroups.ADMIN);

    private final FollowUpService service;
    private final FollowUpQueries queries;
    private final ApiAccess access;
    private final FollowUpFreeText freeText;

    FollowUpController(FollowUpService service, FollowUpQueries queries, ApiAccess access, FollowUpFreeText freeText) {
        this.service = service;
        this.queries = queries;
        this.access = access;
        this.freeText = freeText;
    }

    @ApiResponse(responseCode = "201", description = "回访已开始 The follow-up is started")
    @ApiResponse(responseCode = "409", description = "被排除（拒访、冷静期、已有未结回访…）Excluded (opted out, cooling period, an open follow-up …): reason names it")
    @PostMapping
    public ResponseEntity<FollowUpView> start(@RequestBody(required = false) StartRequest request) {
        ApiUser caller = access.requireAny(ApiAccess.START_FOLLOW_UPS);
        if (request == null) {
            throw new InvalidRequestException(List.of(new InvalidRequestException.FieldError("customerId", "is required"),
                    new InvalidRequestException.FieldError("scenario", "is required")));
        }
        NewFollowUp.Override override = null;
        if (request.override() != null) {
            ApiUser manager = access.requireAny(OVERRIDE_EXCLUSIONS);
            String reason = request.override().reason() == null ? "" : request.override().reason().strip();
            if (reason.isEmpty()) {
                throw new InvalidRequestException("override.reason", "is required: why the exclusion is overridden");
            }
            if (reason.length() > 500) {
                throw new InvalidRequestException("override.reason", "must be at most 500 characters");
            }
            override = new NewFollowUp.Override(reason, manager.id());
        }
        FollowUpView followUp = service.start(request.customerId(), request.scenario(), override, caller.id());
        return ResponseEntity.created(URI.create("/api/follow-ups/" + followUp.number())).body(followUp);
    }

    /** The survey's free text and an override's reason only for who may read them ({@link FollowUpFreeText}). */
    @GetMapping("/{number}")
    public FollowUpView get(@PathVariable String number) {
        ApiUser user = access.requireAny(ApiAccess.READ);
        return freeText.forReader(queries.byNumber(number), user);
    }

    @GetMapping
    public List<FollowUpView> byCustomer(@RequestParam(required = false) String customerExternalId) {
        ApiUser user = access.requireAny(ApiAccess.READ);
        if (customerExternalId == null || customerExternalId.isBlank()) {
            throw new InvalidRequestException("customerExternalId", "query parameter is required");
        }
        return freeText.forReader(queries.byCustomerExternalId(customerExternalId), user);
    }
}
