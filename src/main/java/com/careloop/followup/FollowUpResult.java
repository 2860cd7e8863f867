package com.careloop.followup;

/** How a follow-up ended, derived from the outcome of its last call. */
public enum FollowUpResult {
    COMPLETED, UNREACHABLE, WRONG_NUMBER, REFUSED;

    public static FollowUpResult afterLastCall(CallOutcome last) {
        return switch (last) {
            case REACHED -> COMPLETED;
            case NO_ANSWER, BUSY, CALL_BACK_LATER -> UNREACHABLE;
            case WRONG_NUMBER -> WRONG_NUMBER;
            case REFUSED -> REFUSED;
        };
    }
}
