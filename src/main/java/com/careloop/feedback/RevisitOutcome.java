package com.careloop.feedback;

/** Outcome of a closure re-visit call: the values of the confirmResolution form's callOutcome field. */
public enum RevisitOutcome {
    REACHED("已接通 Reached"), NO_ANSWER("无人接听 No answer"), BUSY("占线 Busy"), CALL_BACK_LATER("稍后回电 Call back later"),
    WRONG_NUMBER("号码错误 Wrong number"), REFUSED("拒绝 Refused");

    private final String label;

    RevisitOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
