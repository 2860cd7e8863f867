package com.careloop.notification;

import java.util.List;

/**
 * A notification to send: template key (e.g. SLA_REMINDER), its arguments, who gets it on which channel, and
 * the key that makes a retried send skip recipients already served.
 */
public record Message(String type, Object[] args, List<String> emailTo, List<String> smsTo, String reference,
                      String idempotencyKey) {
}
