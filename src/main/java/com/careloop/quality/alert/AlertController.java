package com.careloop.quality.alert;

import static com.careloop.identity.CareLoopGroups.ADMIN;
import static com.careloop.identity.CareLoopGroups.CS_MANAGERS;
import static com.careloop.identity.CareLoopGroups.CS_SUPERVISORS;

import com.careloop.errors.InvalidRequestException;
import com.careloop.identity.ApiAccess;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/alerts?status=OPEN|CLOSED}: the threshold alerts, newest first (cs-managers, cs-supervisors). */
@RestController
@RequestMapping("/api/alerts")
class AlertController {

    static final Set<String> READ_ALERTS = Set.of(CS_MANAGERS, CS_SUPERVISORS, ADMIN);

    private final QualityAlerts alerts;
    private final ApiAccess access;

    AlertController(QualityAlerts alerts, ApiAccess access) {
        this.alerts = alerts;
        this.access = access;
    }

    record AlertView(String number, String ruleId, String metric, String metricLabel, String scope, double value,
                     String comparison, double threshold, int windowDays, Long sample, String severity, String candidateGroup,
                     String status, Instant openedAt, Instant closedAt, String closeReason, String closedBy,
                     String processInstanceId) {

        static AlertView of(QualityAlert a) {
            String label;
            try {
                label = QualityMetric.of(a.getMetric()).label();
            } catch (IllegalArgumentException e) {
                label = a.getMetric();
            }
            return new AlertView(a.getNumber(), a.getRuleId(), a.getMetric(), label, a.getScopeKey(), a.getMeasuredValue(),
                    a.getComparison(), a.getThreshold(), a.getWindowDays(), a.getSample(), a.getSeverity(), a.getCandidateGroup(),
                    a.getStatus().name(), a.getOpenedAt(), a.getClosedAt(),
                    a.getCloseReason() == null ? null : a.getCloseReason().name(), a.getClosedBy(), a.getProcessInstanceId());
        }
    }

    @GetMapping
    List<AlertView> list(@RequestParam(required = false) String status) {
        access.requireAny(READ_ALERTS);
        QualityAlert.Status wanted = null;
        if (status != null) {
            try {
                wanted = QualityAlert.Status.valueOf(status.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("status", "must be OPEN or CLOSED but was '" + status + "'");
            }
        }
        return alerts.list(wanted).stream().map(AlertView::of).toList();
    }
}
