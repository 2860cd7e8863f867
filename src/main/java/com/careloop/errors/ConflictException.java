package com.careloop.errors;

/** The request is well-formed but clashes with the current state: HTTP 409, with a machine-readable reason when there is one. */
public class ConflictException extends RuntimeException {

    private final String reason;

    public ConflictException(String message) {
        this(message, null);
    }

    /** @param reason an upper-case code clients can act on (e.g. COOLING_PERIOD), answered as the problem's "reason" */
    public ConflictException(String message, String reason) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
