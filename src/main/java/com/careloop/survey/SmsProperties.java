package com.careloop.survey;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * careloop.sms.*: {@code inbound-secret}, the shared secret of the replies callback (POST /api/sms/inbound, header
 * X-CareLoop-Signature: sha256=HMAC-SHA256 of the raw body); without one the callback refuses every request.
 */
@ConfigurationProperties("careloop.sms")
public record SmsProperties(String inboundSecret) {
}
