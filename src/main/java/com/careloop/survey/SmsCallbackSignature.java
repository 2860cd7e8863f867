package com.careloop.survey;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of the SMS providers' callbacks (replies, delivery receipts): header {@code X-CareLoop-Signature:
 * sha256=<hex HMAC-SHA256 of the raw body with careloop.sms.inbound-secret>}, compared in constant time. An empty secret
 * refuses every callback.
 */
final class SmsCallbackSignature {

    static final String HEADER = "X-CareLoop-Signature";

    private SmsCallbackSignature() {
    }

    static boolean valid(String secret, byte[] body, String signature) {
        if (secret == null || secret.isBlank() || signature == null || !signature.startsWith("sha256=")) {
            return false;
        }
        byte[] expected = HexFormat.of().formatHex(hmac(secret, body)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.substring("sha256=".length()).strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
