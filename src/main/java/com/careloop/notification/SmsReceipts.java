package com.careloop.notification;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SMS delivery receipts (状态报告): what the provider learnt from the handset about a text it took, matched by the
 * provider's id of that text in the delivery log. Read in the providers' own push formats:
 * <ul>
 * <li>Alibaba Cloud SMS (SmsReport): {@code [{"biz_id", "success": true|false, "err_code": "DELIVERED", "report_time":
 * "2026-12-02 10:00:05", …}]}, times in Asia/Shanghai;</li>
 * <li>Tencent Cloud SMS (短信状态回执): {@code [{"sid", "report_status": "SUCCESS"|"FAIL", "errmsg": "DELIVRD",
 * "user_receive_time": "2026-12-02 10:00:05", …}]}.</li>
 * </ul>
 * The numbers and anything else in a receipt are not kept.
 */
@Service
public class SmsReceipts {

    /** One receipt: the provider's id of the text, delivered or not, the provider's code, when. */
    public record Report(String providerMessageId, boolean delivered, String code, Instant at) {}

    /** A receipt that is neither of the known forms: the whole push is refused, nothing recorded. */
    public static class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    private static final DateTimeFormatter PROVIDER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final NotificationDeliveryRepository deliveries;

    SmsReceipts(NotificationDeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    /** The receipts of one push (a JSON array, or one object), in either provider's form. */
    public static List<Report> parse(JsonNode push, Instant receivedAt) {
        List<Report> reports = new ArrayList<>();
        if (push == null || !(push.isArray() || push.isObject())) {
            throw new Unreadable("a receipt push is a JSON array of receipts");
        }
        for (JsonNode r : push.isArray() ? push : List.of(push)) {
            if (r.hasNonNull("biz_id")) {
                reports.add(new Report(r.get("biz_id").asText(), r.path("success").asBoolean(false),
                        code(r, "err_code"), time(r, "report_time", receivedAt)));
            } else if (r.hasNonNull("sid")) {
                reports.add(new Report(r.get("sid").asText(), "SUCCESS".equalsIgnoreCase(r.path("report_status").asText()),
                        code(r, "errmsg"), time(r, "user_receive_time", receivedAt)));
            } else {
                throw new Unreadable("receipt " + (reports.size() + 1) + " has neither biz_id (Alibaba) nor sid (Tencent)");
            }
        }
        return reports;
    }

    private static String code(JsonNode r, String field) {
        String c = r.path(field).asText(null);
        return c == null ? null : c.length() > 64 ? c.substring(0, 64) : c;
    }

    private static Instant time(JsonNode r, String field, Instant fallback) {
        String t = r.path(field).asText(null);
        if (t == null || t.isBlank()) {
            return fallback;
        }
        try {
            return LocalDateTime.parse(t.strip(), PROVIDER_TIME).atZone(CHINA).toInstant();
        } catch (DateTimeParseException e) {
            throw new Unreadable(field + " '" + t + "' is not yyyy-MM-dd HH:mm:ss");
        }
    }

    /**
     * Records the receipts on the texts they are about, in one transaction.
     *
     * @return how many texts of the log they matched (a receipt of an unknown id is ignored: another installation's)
     */
    @Transactional
    public int record(List<Report> reports) {
        int matched = 0;
        for (Report r : reports) {
            for (NotificationDelivery d : deliveries.findByProviderMessageId(r.providerMessageId())) {
                d.receipt(r.delivered() ? NotificationDelivery.Receipt.DELIVERED : NotificationDelivery.Receipt.FAILED, r.code(), r.at());
                matched++;
            }
        }
        return matched;
    }
}
