package com.careloop.survey;

import com.careloop.errors.InvalidRequestException;
import com.careloop.notification.SmsReceipts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/sms/receipts}: the SMS provider's delivery receipts (状态报告) pushed in its own form (Alibaba
 * SmsReport, Tencent 短信状态回执: {@link SmsReceipts#parse}), signed as the replies callback
 * ({@link SmsCallbackSignature}; 401 and nothing changed without). Each receipt marks its text in the delivery log
 * DELIVERED or FAILED (GET /api/sms/outbox shows it). A push that is not readable is a 400 and records nothing.
 */
@RestController
class SmsReceiptController {

    private static final Logger LOG = LoggerFactory.getLogger(SmsReceiptController.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SmsProperties props;
    private final SmsReceipts receipts;
    private final Clock clock;

    SmsReceiptController(SmsProperties props, SmsReceipts receipts, Clock clock) {
        this.props = props;
        this.receipts = receipts;
        this.clock = clock;
    }

    @PostMapping(value = "/api/sms/receipts", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> receipts(@RequestBody(required = false) byte[] body,
                                    @RequestHeader(value = SmsCallbackSignature.HEADER, required = false) String signature) {
        byte[] raw = body == null ? new byte[0] : body;
        if (!SmsCallbackSignature.valid(props.inboundSecret(), raw, signature)) {
            LOG.warn("SMS receipts refused: missing or wrong {}", SmsCallbackSignature.HEADER);
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    "签名缺失或错误 missing or wrong " + SmsCallbackSignature.HEADER + " (sha256=<hex HMAC-SHA256 of the body>)");
            p.setTitle("Unauthorized");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        List<SmsReceipts.Report> reports;
        try {
            reports = SmsReceipts.parse(JSON.readTree(raw), clock.instant());
        } catch (java.io.IOException e) {
            throw new InvalidRequestException("body", "is not JSON (the provider's receipt push: an array of receipts)");
        } catch (SmsReceipts.Unreadable e) {
            throw new InvalidRequestException("body", e.getMessage());
        }
        int matched = receipts.record(reports);
        LOG.info("SMS receipts: {} received, {} matched a sent text", reports.size(), matched);
        return ResponseEntity.ok(Map.of("received", reports.size(), "matched", matched));
    }
}
