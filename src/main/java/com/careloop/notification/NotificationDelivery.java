package com.careloop.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The delivery log: one row per message handed to a channel (SENT) or only recorded (LOGGED). */
@Entity
@Table(name = "notification_delivery")
class NotificationDelivery {

    public enum Status { SENT, LOGGED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "idempotency_key", nullable = false, unique = true)
    private String idempotencyKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(nullable = false)
    private String type;

    @Column(nullable = false)
    private String recipient;

    private String subject;
    private String body;
    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The provider's id of a sent text (for its delivery receipt); null for mail and texts kept in the outbox. */
    @Column(name = "provider_message_id")
    private String providerMessageId;
    /** What the provider's delivery receipt said (null: none yet), its error code and when. */
    @Enumerated(EnumType.STRING)
    @Column(name = "receipt")
    private Receipt receipt;
    @Column(name = "receipt_code")
    private String receiptCode;
    @Column(name = "receipt_at")
    private Instant receiptAt;

    /** A provider's delivery receipt (状态报告) of a sent text. */
    public enum Receipt { DELIVERED, FAILED }

    protected NotificationDelivery() {
    }

    NotificationDelivery(String idempotencyKey, Channel channel, String type, String recipient, String subject,
                                String body, String reference, Status status, Instant createdAt) {
        this.idempotencyKey = idempotencyKey;
        this.channel = channel;
        this.type = type;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.reference = reference;
        this.status = status;
        this.createdAt = createdAt;
    }

    /** A text the provider took, with its id for the receipt. */
    NotificationDelivery withProviderMessageId(String id) {
        this.providerMessageId = id;
        return this;
    }

    /** The provider's receipt: the last one wins (a provider may report "accepted" and then the handset's answer). */
    void receipt(Receipt receipt, String code, Instant at) {
        this.receipt = receipt;
        this.receiptCode = code;
        this.receiptAt = at;
    }

    public String getProviderMessageId() { return providerMessageId; }
    public Receipt getReceipt() { return receipt; }
    public String getReceiptCode() { return receiptCode; }
    public Instant getReceiptAt() { return receiptAt; }
    public Long getId() { return id; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public Channel getChannel() { return channel; }
    public String getType() { return type; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public String getReference() { return reference; }
    public Status getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
}
