package com.careloop.sla;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An SLA such as P1D, PT2H or P3DT4H: whole days plus a time part. */
public record SlaDuration(int days, Duration time) {

    private static final Pattern ISO = Pattern.compile("P(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?)?");

    public static SlaDuration parse(String iso) {
        if (iso == null) {
            throw new IllegalArgumentException("SLA duration is missing");
        }
        String normalized = iso.trim().toUpperCase();
        Matcher m = ISO.matcher(normalized);
        if (!m.matches() || normalized.equals("P") || normalized.endsWith("T")) {
            throw new IllegalArgumentException("not an ISO-8601 SLA duration (e.g. PT2H, P1D): " + iso);
        }
        int days = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        long hours = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        long minutes = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        return new SlaDuration(days, Duration.ofHours(hours).plusMinutes(minutes));
    }
}
