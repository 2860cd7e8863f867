package com.careloop.errors;

/** The authenticated user may not do this: HTTP 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
