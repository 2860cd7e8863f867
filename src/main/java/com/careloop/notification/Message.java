package com.careloop.notification;

import java.util.List;

/**
 * A notification to send: template key (e.g. SLA_REMINDER), its arguments, who gets it on which channel, the key
 * that makes a retried send skip recipients already served, and files attached to the e-mail (none for most).
 */
public record Message(String type, Object[] args, List<String> emailTo, List<String> smsTo, String reference,
                      String idempotencyKey, List<Attachment> attachments) {

    public Message {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A message without attachments. */
    public Message(String type, Object[] args, List<String> emailTo, List<String> smsTo, String reference, String idempotencyKey) {
        this(type, args, emailTo, smsTo, reference, idempotencyKey, List.of());
    }
}
