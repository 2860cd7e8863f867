package com.careloop.followup;

/** How a follow-up ended, derived from the outcome of its last call. */
public enum FollowUpResult {
    COMPLETED("已完成 Completed"), UNREACHABLE("无法接通 Unreachable"), WRONG_NUMBER("号码错误 Wrong number"), REFUSED("拒绝回访 Refused");

    private final String label;

    FollowUpResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static FollowUpResult afterLastCall(CallOutcome last) {
        return switch (last) {
            case REACHED -> COMPLETED;
            case NO_ANSWER, BUSY, CALL_BACK_LATER -> UNREACHABLE;
            case WRONG_NUMBER -> WRONG_NUMBER;
            case REFUSED -> REFUSED;
        };
    }
}
