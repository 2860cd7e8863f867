package com.careloop.followup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "call_attempt")
class CallAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "follow_up_id", nullable = false)
    private Long followUpId;

    @Column(name = "attempt_no", nullable = false)
    private int attemptNo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CallOutcome outcome;

    private String agent;

    @Column(name = "called_at", nullable = false)
    private Instant calledAt;

    @Column(name = "callback_at")
    private Instant callbackAt;

    protected CallAttempt() {
    }

    CallAttempt(Long followUpId, int attemptNo, CallOutcome outcome, String agent, Instant calledAt, Instant callbackAt) {
        this.followUpId = followUpId;
        this.attemptNo = attemptNo;
        this.outcome = outcome;
        this.agent = agent;
        this.calledAt = calledAt;
        this.callbackAt = callbackAt;
    }

    public Long getId() { return id; }
    public Long getFollowUpId() { return followUpId; }
    public int getAttemptNo() { return attemptNo; }
    public CallOutcome getOutcome() { return outcome; }
    public String getAgent() { return agent; }
    public Instant getCalledAt() { return calledAt; }
    public Instant getCallbackAt() { return callbackAt; }
}
