package com.careloop.survey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A customer who refused texts: when and how it was recorded (e.g. SMS_REPLY "TD"). Surveys go by phone from then on. */
@Entity
@Table(name = "sms_opt_out")
class SmsOptOut {

    @Id
    @Column(name = "customer_id")
    private Long customerId;
    @Column(name = "opted_out_at", nullable = false)
    private Instant optedOutAt;
    @Column(nullable = false)
    private String source;

    protected SmsOptOut() {
    }

    SmsOptOut(long customerId, Instant optedOutAt, String source) {
        this.customerId = customerId;
        this.optedOutAt = optedOutAt;
        this.source = source;
    }

    Long getCustomerId() { return customerId; }
    Instant getOptedOutAt() { return optedOutAt; }
    String getSource() { return source; }
}
