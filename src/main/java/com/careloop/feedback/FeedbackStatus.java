package com.careloop.feedback;

/**
 * Where an item stands: new (inbound: being verified), waiting for the owner's response, being handled, waiting for
 * the re-visit, closed; or closed at verification as not genuine (CLOSED_INVALID) or as a duplicate merged into an
 * open item (MERGED).
 */
public enum FeedbackStatus {
    NEW, AWAITING_RESPONSE, IN_PROGRESS, AWAITING_CONFIRMATION, REOPENED, MANAGER_REVIEW, CLOSED, CLOSED_INVALID, MERGED;

    /** Whether the item is still being handled (the open items a duplicate may be merged into). */
    public boolean open() {
        return this != CLOSED && this != CLOSED_INVALID && this != MERGED;
    }
}
