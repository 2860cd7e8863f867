package com.careloop.errors;

/** The request is well-formed but clashes with the current state: HTTP 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
