package com.careloop.survey;

import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerView;
import com.careloop.customer.MainlandMobile;
import com.careloop.errors.InvalidRequestException;
import com.careloop.followup.AppointmentReply;
import com.careloop.followup.Appointments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/sms/inbound {from, text, receivedAt}}: a customer's reply to a text (the providers' 上行 callback,
 * mapped to this form). Signed, not logged in: header {@code X-CareLoop-Signature: sha256=<hex HMAC-SHA256 of the raw
 * body with careloop.sms.inbound-secret>}; a missing or wrong signature is 401 and changes nothing. {@code TD}, {@code T}
 * or {@code 退订} records that the customers with that number refuse texts (surveys by phone from then on); {@code 1} or
 * {@code 2} answers an appointment text (followup/Appointments: confirmed, or another time first); any other reply is
 * acknowledged and ignored.
 */
@RestController
@EnableConfigurationProperties(SmsProperties.class)
class SmsInboundController {

    static final String SIGNATURE = SmsCallbackSignature.HEADER;
    static final Set<String> OPT_OUT = Set.of("TD", "T", "退订");
    private static final Logger LOG = LoggerFactory.getLogger(SmsInboundController.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SmsProperties props;
    private final CustomerService customers;
    private final TextOptOuts optOuts;
    private final Appointments appointments;
    private final Clock clock;

    SmsInboundController(SmsProperties props, CustomerService customers, TextOptOuts optOuts, Appointments appointments, Clock clock) {
        this.props = props;
        this.customers = customers;
        this.optOuts = optOuts;
        this.appointments = appointments;
        this.clock = clock;
    }

    @PostMapping(value = "/api/sms/inbound", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> reply(@RequestBody(required = false) byte[] body, @RequestHeader(value = SIGNATURE, required = false) String signature) {
        byte[] raw = body == null ? new byte[0] : body;
        if (!signed(raw, signature)) {
            LOG.warn("SMS reply refused: missing or wrong {}", SIGNATURE);
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "签名缺失或错误 missing or wrong " + SIGNATURE + " (sha256=<hex HMAC-SHA256 of the body>)");
            p.setTitle("Unauthorized");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        JsonNode reply;
        try {
            reply = JSON.readTree(raw);
        } catch (java.io.IOException e) {
            throw new InvalidRequestException("body", "is not JSON {from, text, receivedAt}");
        }
        String from = text(reply, "from");
        String text = text(reply, "text");
        if (from == null || from.isBlank()) {
            throw new InvalidRequestException("from", "is required (the sender's number)");
        }
        if (text == null) {
            throw new InvalidRequestException("text", "is required");
        }
        Instant at = clock.instant();
        String receivedAt = text(reply, "receivedAt");
        if (receivedAt != null) {
            try {
                at = Instant.parse(receivedAt);
            } catch (DateTimeParseException e) {
                throw new InvalidRequestException("receivedAt", "must be an ISO-8601 instant such as 2026-12-02T08:00:00Z");
            }
        }
        AppointmentReply appointment = AppointmentReply.ofText(text);
        if (appointment != null) {
            return ResponseEntity.ok(Map.of("result", appointmentReply(from, appointment, at)));
        }
        String keyword = text.strip().toUpperCase(Locale.ROOT);
        if (!OPT_OUT.contains(keyword)) {
            return ResponseEntity.ok(Map.of("result", "IGNORED"));
        }
        int recorded = 0;
        for (CustomerView c : senders(from)) {
            if (optOuts.refuse(c.id(), at, "SMS_REPLY:" + keyword)) {
                recorded++;
            }
        }
        LOG.info("SMS reply: opt-out recorded for {} customer(s)", recorded);
        return ResponseEntity.ok(Map.of("result", "OPTED_OUT"));
    }

    /** APPOINTMENT_CONFIRMED / APPOINTMENT_RESCHEDULE when a sender had an open appointment, else IGNORED. */
    private String appointmentReply(String from, AppointmentReply reply, Instant at) {
        int applied = 0;
        for (CustomerView c : senders(from)) {
            if (appointments.reply(c.id(), reply, at).followUpNumber() != null) {
                applied++;
            }
        }
        LOG.info("SMS reply: appointment {} recorded for {} follow-up(s)", reply, applied);
        return applied == 0 ? "IGNORED" : "APPOINTMENT_" + reply.name();
    }

    /** The customers stored with this number as sent (+86…) or as its 11 digits. */
    private List<CustomerView> senders(String from) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(from.strip());
        String mobile = MainlandMobile.normalized(from);
        if (mobile != null) {
            forms.add(mobile);
        }
        Map<Long, CustomerView> found = new java.util.LinkedHashMap<>();
        for (String f : forms) {
            customers.viewsByPhone(f).forEach(c -> found.put(c.id(), c));
        }
        return List.copyOf(found.values());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private boolean signed(byte[] body, String signature) {
        return SmsCallbackSignature.valid(props.inboundSecret(), body, signature);
    }

    static byte[] hmac(String secret, byte[] body) {
        return SmsCallbackSignature.hmac(secret, body);
    }
}
