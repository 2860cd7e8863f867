package com.careloop.survey;

import com.careloop.followup.AnswerChannel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One survey link: the SHA-256 of its token (the token itself is never stored), what it surveys — a follow-up, or the
 * closure re-visit of a feedback item — and its validity.
 */
@Entity
@Table(name = "survey_link")
class SurveyLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;
    @Column(name = "follow_up_id")
    private Long followUpId;
    @Column(name = "feedback_item_id")
    private Long feedbackItemId;
    @Column(name = "customer_id", nullable = false)
    private Long customerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AnswerChannel channel;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;
    @Column(name = "used_at")
    private Instant usedAt;

    protected SurveyLink() {
    }

    SurveyLink(String tokenHash, long followUpId, long customerId, AnswerChannel channel, Instant createdAt, Instant expiresAt) {
        this(tokenHash, followUpId, null, customerId, channel, createdAt, expiresAt);
    }

    /** The link of a feedback item's closure re-visit. */
    static SurveyLink ofRevisit(String tokenHash, long feedbackItemId, long customerId, AnswerChannel channel, Instant createdAt,
                                Instant expiresAt) {
        return new SurveyLink(tokenHash, null, feedbackItemId, customerId, channel, createdAt, expiresAt);
    }

    private SurveyLink(String tokenHash, Long followUpId, Long feedbackItemId, long customerId, AnswerChannel channel,
                       Instant createdAt, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.followUpId = followUpId;
        this.feedbackItemId = feedbackItemId;
        this.customerId = customerId;
        this.channel = channel;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    void use(Instant at) {
        this.usedAt = at;
    }

    Long getId() { return id; }
    Long getFollowUpId() { return followUpId; }
    /** The feedback item whose re-visit this link surveys (null for a follow-up's link). */
    Long getFeedbackItemId() { return feedbackItemId; }
    boolean revisit() { return feedbackItemId != null; }
    AnswerChannel getChannel() { return channel; }
    Instant getExpiresAt() { return expiresAt; }
    Instant getUsedAt() { return usedAt; }
}
