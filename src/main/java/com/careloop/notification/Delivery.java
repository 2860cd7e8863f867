package com.careloop.notification;

import java.time.Instant;

/**
 * One row of the delivery log as other modules (and their tests) see it: a message handed to a channel or only logged;
 * for a sent text, what the provider's delivery receipt said (DELIVERED, FAILED; null: none yet) and when.
 */
public record Delivery(long id, String idempotencyKey, Channel channel, String type, String recipient, String subject, String body,
                       String reference, boolean sent, Instant createdAt, String receipt, Instant receiptAt) {

    static Delivery of(NotificationDelivery d) {
        return new Delivery(d.getId(), d.getIdempotencyKey(), d.getChannel(), d.getType(), d.getRecipient(), d.getSubject(), d.getBody(),
                d.getReference(), d.getStatus() == NotificationDelivery.Status.SENT, d.getCreatedAt(),
                d.getReceipt() == null ? null : d.getReceipt().name(), d.getReceiptAt());
    }
}
