package com.careloop.engine;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads submitted form fields from a task or execution and checks them the way the server must: a REST
 * client bypasses the Camunda Form, so ranges, allowed values and required fields are checked again here.
 * Errors are collected per field; {@link #validate()} throws one {@link FormFieldValidationException}
 * (HTTP 400 on /engine-rest/task/{id}/submit-form) that names every bad field; over HTTP the answer lists them as
 * {@code errors: [{field, message}]} (see {@link TaskSubmissionFilter}). Fields of a list entry are named with
 * their index: {@code issues[1].urgency}.
 */
public class FormInput {

    private static final Logger LOG = LoggerFactory.getLogger(FormInput.class);

    private final VariableScope vars;
    private final ZoneId zone;
    private final Map<String, String> errors = new LinkedHashMap<>();

    public FormInput(VariableScope vars, ZoneId zone) {
        this.vars = vars;
        this.zone = zone;
    }

    public <E extends Enum<E>> E requiredEnum(String key, Class<E> type) {
        E value = optionalEnum(key, type);
        if (value == null && !errors.containsKey(key)) {
            error(key, "is required");
        }
        return value;
    }

    public <E extends Enum<E>> E optionalEnum(String key, Class<E> type) {
        Object raw = vars.getVariable(key);
        if (raw == null || raw.toString().isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.toString().trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            error(key, "must be one of " + Arrays.toString(type.getEnumConstants()) + " but was '" + raw + "'");
            return null;
        }
    }

    public Integer requiredInt(String key, int min, int max) {
        Integer value = optionalInt(key, min, max);
        if (value == null && !errors.containsKey(key)) {
            error(key, "is required");
        }
        return value;
    }

    public Integer optionalInt(String key, int min, int max) {
        Object raw = vars.getVariable(key);
        if (raw == null || raw.toString().isBlank()) {
            return null;
        }
        double number;
        if (raw instanceof Number n) {
            number = n.doubleValue();
        } else {
            try {
                number = Double.parseDouble(raw.toString().trim());
            } catch (NumberFormatException e) {
                error(key, "must be a whole number between " + min + " and " + max + " but was '" + raw + "'");
                return null;
            }
        }
        if (number != Math.rint(number) || number < min || number > max) {
            error(key, "must be a whole number between " + min + " and " + max + " but was " + raw);
            return null;
        }
        return (int) number;
    }

    public boolean bool(String key) {
        Object raw = vars.getVariable(key);
        if (raw == null) {
            return false;
        }
        if (raw instanceof Boolean b) {
            return b;
        }
        String s = raw.toString().trim().toLowerCase();
        if (s.equals("true") || s.equals("false") || s.isEmpty()) {
            return s.equals("true");
        }
        error(key, "must be true or false but was '" + raw + "'");
        return false;
    }

    /** Optional boolean: null when the field was not submitted. */
    public Boolean optionalBool(String key) {
        Object raw = vars.getVariable(key);
        return raw == null || raw.toString().isBlank() ? null : bool(key);
    }

    public String text(String key, int maxLength, boolean required) {
        Object raw = vars.getVariable(key);
        String s = raw == null ? null : raw.toString().strip();
        if (s == null || s.isEmpty()) {
            if (required) {
                error(key, "is required");
            }
            return null;
        }
        if (s.length() > maxLength) {
            error(key, "must be at most " + maxLength + " characters but has " + s.length());
            return null;
        }
        return s;
    }

    /** A date-time from a form: ISO with offset (2026-05-01T10:00+08:00), UTC (…Z), local (in the calendar zone) or a Date. */
    public Instant dateTime(String key, boolean required) {
        Object raw = vars.getVariable(key);
        if (raw == null || raw.toString().isBlank()) {
            if (required) {
                error(key, "is required");
            }
            return null;
        }
        if (raw instanceof Date d) {
            return d.toInstant();
        }
        String s = raw.toString().trim();
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(s).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                error(key, "must be a date-time like 2026-05-01T10:00+08:00 but was '" + s + "'");
                return null;
            }
        }
    }

    public void error(String key, String message) {
        errors.putIfAbsent(key, message);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void validate() {
        if (!errors.isEmpty()) {
            List<String> parts = new ArrayList<>();
            errors.forEach((k, v) -> parts.add(k + " " + v));
            // the user's mistake, answered with 400: INFO without stack trace, and only the field names (values may be personal)
            LOG.info("Invalid form input in fields {}", errors.keySet());
            FormErrors.set(Map.copyOf(new LinkedHashMap<>(errors)));
            throw new FormFieldValidationException(Map.copyOf(errors), "Invalid form input: " + String.join("; ", parts));
        }
    }
}
