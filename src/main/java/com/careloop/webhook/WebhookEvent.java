package com.careloop.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The events a subscription can ask for, as written in requests: {@code feedback.created}. */
public enum WebhookEvent {
    FOLLOWUP_CLOSED("followup.closed"),
    SURVEY_ANSWERED("survey.answered"),
    FEEDBACK_CREATED("feedback.created"),
    FEEDBACK_STATUS_CHANGED("feedback.status-changed"),
    FEEDBACK_CLOSED("feedback.closed"),
    CUSTOMER_OPTED_OUT("customer.opted-out");

    private final String value;

    WebhookEvent(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<WebhookEvent> of(String value) {
        return Arrays.stream(values()).filter(e -> e.value.equals(value)).findFirst();
    }

    public static List<String> allValues() {
        return Arrays.stream(values()).map(WebhookEvent::value).toList();
    }
}
