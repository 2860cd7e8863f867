package com.careloop.quality.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Camunda evaluates a timer's cron in the server's time zone; the report crons are meant in Asia/Shanghai. A plain
 * time (numeric second, minute and hour fields) is moved by the difference between the zones; when that moves it to
 * another day, a single weekday name (MON…SUN) or a single day of the month moves with it (the 1st one day back is
 * the last day of the month, L). Anything else that would have to move a day stops the start with a message: write
 * that cron differently or run the server in the calendar's zone.
 */
final class ReportCron {

    private static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    private ReportCron() {
    }

    static String inZone(String cron, ZoneId from, ZoneId to, Instant at) {
        String[] f = cron.strip().split("\\s+");
        if (!f[1].matches("\\d{1,2}") || !f[2].matches("\\d{1,2}")) {
            return cron; // not a plain time of day (every n hours …): as written
        }
        int offsetMinutes = (to.getRules().getOffset(at).getTotalSeconds() - from.getRules().getOffset(at).getTotalSeconds()) / 60;
        int minutes = Integer.parseInt(f[2]) * 60 + Integer.parseInt(f[1]) + offsetMinutes;
        int dayShift = Math.floorDiv(minutes, 1440);
        minutes = Math.floorMod(minutes, 1440);
        f[1] = String.valueOf(minutes % 60);
        f[2] = String.valueOf(minutes / 60);
        if (dayShift != 0) {
            f[3] = shiftDayOfMonth(f[3], dayShift, cron);
            f[5] = shiftWeekday(f[5], dayShift, cron);
        }
        return String.join(" ", f);
    }

    private static String shiftDayOfMonth(String field, int shift, String cron) {
        if (field.equals("*") || field.equals("?")) {
            return field;
        }
        if (field.matches("\\d{1,2}")) {
            int day = Integer.parseInt(field) + shift;
            if (day >= 1 && day <= 28) {
                return String.valueOf(day);
            }
            if (day == 0) {
                return "L";
            }
        }
        throw cannotMove(cron);
    }

    private static String shiftWeekday(String field, int shift, String cron) {
        if (field.equals("*") || field.equals("?")) {
            return field;
        }
        int i = DAYS.indexOf(field.toUpperCase(java.util.Locale.ROOT));
        if (i < 0) {
            throw cannotMove(cron);
        }
        return DAYS.get(Math.floorMod(i + shift, 7));
    }

    private static IllegalStateException cannotMove(String cron) {
        return new IllegalStateException("the report cron '" + cron + "' falls on another day in the server's time zone "
                + ZoneId.systemDefault() + " and its day fields cannot be moved: use a single weekday name (MON) or day"
                + " of the month, or run the server in the calendar's zone");
    }
}
