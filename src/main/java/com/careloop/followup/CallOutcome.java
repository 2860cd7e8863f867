package com.careloop.followup;

public enum CallOutcome {
    REACHED, NO_ANSWER, BUSY, CALL_BACK_LATER, WRONG_NUMBER, REFUSED;

    public boolean isRetryable() {
        return this == NO_ANSWER || this == BUSY;
    }
}
