package com.careloop.feedback;

/**
 * Where an item stands: new (inbound: being verified), waiting for the owner's response, being handled, waiting for
 * the re-visit, closed; or closed at verification as not genuine (CLOSED_INVALID) or as a duplicate merged into an
 * open item (MERGED).
 */
public enum FeedbackStatus {
    NEW, AWAITING_RESPONSE, IN_PROGRESS, AWAITING_CONFIRMATION, REOPENED, MANAGER_REVIEW, CLOSED, CLOSED_INVALID, MERGED;

    /** The statuses of an item whose handling has ended; every "open item" query excludes exactly these. */
    public static final java.util.Set<FeedbackStatus> ENDED = java.util.Collections.unmodifiableSet(
            java.util.EnumSet.of(CLOSED, CLOSED_INVALID, MERGED));

    /** {@link #ENDED} as SQL: {@code 'CLOSED', 'CLOSED_INVALID', 'MERGED'}, for {@code status not in (…)}. */
    public static final String ENDED_SQL = ENDED.stream().map(s -> "'" + s.name() + "'")
            .collect(java.util.stream.Collectors.joining(", "));

    /** Whether the item is still being handled (the open items a duplicate may be merged into). */
    public boolean open() {
        return !ENDED.contains(this);
    }
}
