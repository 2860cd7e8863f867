package com.careloop.errors;

/** The addressed resource does not exist: HTTP 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String key) {
        super(what + " " + key + " not found");
    }
}
