package com.careloop.followup;

import com.careloop.customer.CustomerTier;
import java.time.Instant;

/**
 * Published (in the closing transaction) when a follow-up is closed. {@code reached}: at least one attempt was
 * REACHED; {@code agent}: who made the reaching call, else the last call; {@code purchaseIntent}: the reached
 * customer expressed purchase intent.
 */
public record FollowUpClosed(long followUpId, String agent, Scenario scenario, CustomerTier tier, Instant closedAt,
                             FollowUpResult result, boolean reached, boolean purchaseIntent) {
}
