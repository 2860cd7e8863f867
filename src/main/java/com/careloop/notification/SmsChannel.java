package com.careloop.notification;

/**
 * Sends one text message. The default implementation only records it in the delivery log. A gateway implementation
 * must bound every network call by {@link NotificationProperties#connectTimeout()} and
 * {@link NotificationProperties#readTimeout()} and throw when they pass: the notification job then fails, is retried
 * and finally raises an incident, instead of a job thread waiting forever.
 */
public interface SmsChannel {

    /**
     * One text as a provider needs it: the number, the full text (what the outbox shows and a gateway without templates
     * sends), the template (the message type, e.g. SURVEY_TEXT: providers in China such as Alibaba Cloud SMS and
     * Tencent Cloud SMS send only pre-approved templates, and an adapter maps the type to its template code) and the
     * template's variables in order.
     */
    record Text(String phoneNumber, String text, String template, java.util.List<String> variables) {
        public Text {
            variables = variables == null ? java.util.List.of() : java.util.List.copyOf(variables);
        }
    }

    /** @return true when handed to a real SMS gateway, false when only logged */
    boolean send(String phoneNumber, String text);

    /** Sends a text with its template and variables; a channel without templates sends the full text. */
    default boolean send(Text text) {
        return send(text.phoneNumber(), text.text());
    }

    /** What became of a text: handed to a gateway or only logged, and the provider's id of it (null: none, no receipt). */
    record Sent(boolean sent, String providerMessageId) {}

    /** Sends a text and returns the provider's id of it, which its delivery receipt names (see {@link SmsReceipts}). */
    default Sent deliver(Text text) {
        return new Sent(send(text), null);
    }
}
