package com.careloop.feedback;

import com.careloop.customer.CustomerTier;
import java.time.Instant;

/**
 * What happened to a feedback item, published through Spring's ApplicationEventPublisher in the transaction that
 * wrote it (the quality module keeps its KPI rollups from these, in the same transaction). One record per change;
 * each is published once, where the item's table is written.
 */
public sealed interface FeedbackEvent {

    long itemId();

    Instant at();

    /**
     * Registered (from a follow-up call or inbound). {@code agent}: the agent who made the call that raised it
     * (null for inbound); {@code followUpId}: that call's follow-up (null for inbound); {@code source} is the channel.
     * {@code description}: the customer's words, for keywords; never logged. {@code channel}: where it reached us
     * (FOLLOW_UP for a call's items); {@code productModel} and {@code batch} as registered (null when not given).
     */
    record FeedbackOpened(long itemId, String number, Instant at, FeedbackSource source, FeedbackType type, Urgency urgency,
                          Long followUpId, String agent, CustomerTier tier, String description, FeedbackChannel channel,
                          String productModel, String batch) implements FeedbackEvent {

        /** An item without register facts: the channel its source implies. */
        public FeedbackOpened(long itemId, String number, Instant at, FeedbackSource source, FeedbackType type, Urgency urgency,
                              Long followUpId, String agent, CustomerTier tier, String description) {
            this(itemId, number, at, source, type, urgency, followUpId, agent, tier, description, FeedbackChannel.defaultFor(source),
                    null, null);
        }
    }

    /** Routed (or routed again) to its owning team (the candidate group) with its response and resolution deadlines. */
    record FeedbackRouted(long itemId, Instant at, String department, Instant responseDueAt, Instant resolutionDueAt)
            implements FeedbackEvent {
    }

    /** The owner's first response, against the response deadline; {@code resolvedOnFirstContact} as the owner said. */
    record FeedbackResponded(long itemId, Instant at, Instant responseDueAt, boolean resolvedOnFirstContact) implements FeedbackEvent {
    }

    /** A resolution recorded (also the first-contact one; again after a reopening), against the resolution deadline. */
    record FeedbackResolved(long itemId, Instant at, Instant resolutionDueAt, long pausedMinutes) implements FeedbackEvent {
    }

    /** A sales lead's outcome recorded with its resolution (the lead-conversion KPIs); the amount of a won lead. */
    record FeedbackLeadOutcome(long itemId, Instant at, LeadOutcome outcome, java.math.BigDecimal amount) implements FeedbackEvent {
    }

    /** The customer was not satisfied: back to the owner with a new resolution deadline. */
    record FeedbackReopened(long itemId, Instant at, Instant resolutionDueAt) implements FeedbackEvent {
    }

    /** Closed with its result; {@code reopenCount}: how often it was reopened before. */
    record FeedbackClosed(long itemId, Instant at, FeedbackResult result, int reopenCount) implements FeedbackEvent {
    }
}
