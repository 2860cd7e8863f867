package com.careloop.notification.sms;

/**
 * The provider answered and did not accept the text: its error code (e.g. isv.SMS_TEMPLATE_ILLEGAL,
 * FailedOperation.TemplateIncorrectOrUnapproved) and message, never the recipient's number.
 */
public class SmsRefused extends RuntimeException {

    private final String provider;
    private final String code;

    public SmsRefused(String provider, String code, String message) {
        super(provider + " SMS refused: " + code + (message == null ? "" : " — " + message));
        this.provider = provider;
        this.code = code;
    }

    public String provider() {
        return provider;
    }

    public String code() {
        return code;
    }
}
