package com.careloop.followup;

public enum CallOutcome {
    REACHED("已接通 Reached"), NO_ANSWER("无人接听 No answer"), BUSY("占线 Busy"), CALL_BACK_LATER("稍后回电 Call back later"),
    WRONG_NUMBER("号码错误 Wrong number"), REFUSED("拒绝回访 Refused");

    private final String label;

    CallOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isRetryable() {
        return this == NO_ANSWER || this == BUSY;
    }
}
