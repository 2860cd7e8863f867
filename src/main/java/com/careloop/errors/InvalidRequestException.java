package com.careloop.errors;

import java.util.List;

/** Request input that fails a business rule, naming each offending field: HTTP 400. */
public class InvalidRequestException extends RuntimeException {

    public record FieldError(String field, String message) {}

    private final List<FieldError> errors;

    public InvalidRequestException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public InvalidRequestException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid request"));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
