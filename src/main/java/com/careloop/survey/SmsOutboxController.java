package com.careloop.survey;

import com.careloop.customer.MainlandMobile;
import com.careloop.errors.InvalidRequestException;
import com.careloop.identity.ApiAccess;
import com.careloop.identity.CareLoopGroups;
import com.careloop.notification.Delivery;
import com.careloop.notification.DeliveryLog;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/sms/outbox?to=&limit=}: the texts of the delivery log, newest first (cs-managers, admins). In the
 * default run no SMS provider is configured and every text stays here (status LOGGED), so a newcomer can open a survey
 * link from the demo (page /camunda/careloop/sms-outbox.html). With a provider, status SENT.
 */
@RestController
class SmsOutboxController {

    static final Set<String> READ_OUTBOX = Set.of(CareLoopGroups.CS_MANAGERS, CareLoopGroups.ADMIN);

    private final DeliveryLog log;
    private final ApiAccess access;

    SmsOutboxController(DeliveryLog log, ApiAccess access) {
        this.log = log;
        this.access = access;
    }

    /**
     * One text: to whom, what, which template (message type), LOGGED (kept in the outbox), SENT, or what the provider's
     * delivery receipt said (DELIVERED, FAILED), and when it was sent.
     */
    record Text(String to, String text, String template, String status, Instant sentAt) {}

    @GetMapping("/api/sms/outbox")
    List<Text> outbox(@RequestParam(required = false) String to, @RequestParam(defaultValue = "50") int limit) {
        access.requireAny(READ_OUTBOX);
        if (limit < 1 || limit > 500) {
            throw new InvalidRequestException("limit", "1–500");
        }
        String number = null;
        if (to != null && !to.isBlank()) {
            number = MainlandMobile.normalized(to);
            if (number == null) {
                number = to.strip();
            }
        }
        return log.texts(number, limit).stream().map(SmsOutboxController::text).toList();
    }

    private static Text text(Delivery d) {
        return new Text(d.recipient(), d.body(), d.type(), d.receipt() != null ? d.receipt() : d.sent() ? "SENT" : "LOGGED", d.createdAt());
    }
}
