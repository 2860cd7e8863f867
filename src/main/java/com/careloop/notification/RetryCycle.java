package com.careloop.notification;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A retry cycle written as the engine writes a job's (R5/PT5M: five attempts in all, five minutes apart): the
 * notification tasks carry it as extension property {@value #PROPERTY}.
 */
record RetryCycle(int attempts, Duration interval) {

    static final String PROPERTY = "retryCycle";
    private static final Pattern FORMAT = Pattern.compile("R(\\d+)/(P.+)");

    static RetryCycle parse(String cycle) {
        Matcher m = FORMAT.matcher(cycle == null ? "" : cycle.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("retry cycle '" + cycle + "' is not R<attempts>/<ISO-8601 duration>, e.g. R5/PT5M");
        }
        int attempts = Integer.parseInt(m.group(1));
        if (attempts < 1) {
            throw new IllegalArgumentException("retry cycle '" + cycle + "': at least one attempt");
        }
        return new RetryCycle(attempts, Duration.parse(m.group(2)));
    }

    /** Retries left after a failed attempt, given those left before it (null: the first attempt). */
    int leftAfterFailure(Integer before) {
        return Math.max(0, (before == null ? attempts : before) - 1);
    }
}
