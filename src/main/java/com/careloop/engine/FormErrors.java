package com.careloop.engine;

import java.util.Map;

/**
 * The field errors of the last form validation ({@link FormInput#validate()}) on this thread, so that the HTTP submit
 * path ({@link TaskSubmissionFilter}) can answer them as {@code errors: [{field, message}]} — the engine itself
 * answers a FormFieldValidationException with one message. Set and read within one request.
 */
final class FormErrors {

    private static final ThreadLocal<Map<String, String>> LAST = new ThreadLocal<>();

    private FormErrors() {
    }

    static void set(Map<String, String> errors) {
        LAST.set(errors);
    }

    /** The errors noted since {@link #clear()}, or null. */
    static Map<String, String> get() {
        return LAST.get();
    }

    static void clear() {
        LAST.remove();
    }
}
