package com.careloop.feedback;

/** How an item was closed. */
public enum FeedbackResult {
    /** Re-visit reached the customer, who is satisfied. */
    RESOLVED_SATISFIED,
    /** Re-visit could not reach the customer after the allowed attempts. */
    RESOLVED_UNCONFIRMED,
    /** Second failed resolution, closed by a manager's review. */
    CLOSED_BY_MANAGER,
    /** No re-visit needed: closed with the owner's handling outcome. */
    RESOLVED, REJECTED, CONVERTED, NOT_CONVERTED;

    /** The result of an item whose type needs no re-visit. */
    public static FeedbackResult withoutRevisit(HandlingOutcome outcome) {
        return outcome == null ? RESOLVED : FeedbackResult.valueOf(outcome.name());
    }
}
