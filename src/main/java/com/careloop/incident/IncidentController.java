package com.careloop.incident;

import static com.careloop.identity.CareLoopGroups.ADMIN;
import static com.careloop.identity.CareLoopGroups.AFTERSALES_TECH;
import static com.careloop.identity.CareLoopGroups.CS_MANAGERS;
import static com.careloop.identity.CareLoopGroups.CS_SUPERVISORS;
import static com.careloop.identity.CareLoopGroups.PRODUCT;

import com.careloop.errors.InvalidRequestException;
import com.careloop.identity.ApiAccess;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/incidents/batch?status=OPEN|CLOSED}: the batch-quality incidents, newest first, with their linked
 * feedback numbers (supervisors, managers, product, aftersales-tech; others 403; an unknown status 400).
 */
@RestController
@RequestMapping("/api/incidents/batch")
class IncidentController {

    static final Set<String> READ_INCIDENTS = Set.of(CS_SUPERVISORS, CS_MANAGERS, PRODUCT, AFTERSALES_TECH, ADMIN);

    private final BatchIncidents incidents;
    private final ApiAccess access;

    IncidentController(BatchIncidents incidents, ApiAccess access) {
        this.incidents = incidents;
        this.access = access;
    }

    record BatchIncidentView(long id, String number, String productModel, String batch, int itemCount, List<String> feedbackNumbers,
                             String status, Instant openedAt, Instant closedAt, String rootCause, String action, Long campaignRunId,
                             String processInstanceId) {}

    @GetMapping
    List<BatchIncidentView> list(@RequestParam(required = false) String status) {
        access.requireAny(READ_INCIDENTS);
        BatchIncidents.Status wanted = null;
        if (status != null) {
            try {
                wanted = BatchIncidents.Status.valueOf(status.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("status", "must be OPEN or CLOSED but was '" + status + "'");
            }
        }
        Map<Long, List<String>> numbers = incidents.feedbackNumbers();
        return incidents.list(wanted).stream().map(i -> {
            List<String> linked = numbers.getOrDefault(i.id(), List.of());
            return new BatchIncidentView(i.id(), i.number(), i.productModel(), i.batch(), linked.size(), linked, i.status().name(),
                    i.openedAt(), i.closedAt(), i.rootCause(), i.action(), i.campaignRunId(), i.processInstanceId());
        }).toList();
    }
}
