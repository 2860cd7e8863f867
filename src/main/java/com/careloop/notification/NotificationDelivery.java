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
