package com.careloop.quality.report;

import com.careloop.errors.InvalidRequestException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The days a report covers, [from, to) in Asia/Shanghai, and how it is named: 2026-11-30, 2026-W48, 2026-11 (or
 * 2026-11-27~2026-11-29 for a daily report sent after days off).
 */
public record ReportPeriod(LocalDate from, LocalDate to, String label) {

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    public ReportPeriod {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a report period ends after it starts: " + from + " – " + to);
        }
    }

    public static ReportPeriod day(LocalDate date) {
        return new ReportPeriod(date, date.plusDays(1), date.toString());
    }

    /** The days [from, to): one day is labelled as {@link #day}, more as "first~last". */
    public static ReportPeriod days(LocalDate from, LocalDate to) {
        return to.equals(from.plusDays(1)) ? day(from) : new ReportPeriod(from, to, from + "~" + to.minusDays(1));
    }

    /** The ISO week (Monday to Sunday) containing the date. */
    public static ReportPeriod weekOf(LocalDate date) {
        LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new ReportPeriod(monday, monday.plusWeeks(1), String.format("%d-W%02d",
                monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
    }

    public static ReportPeriod month(YearMonth month) {
        return new ReportPeriod(month.atDay(1), month.plusMonths(1).atDay(1), month.toString());
    }

    /** The calendar quarter containing the first day of this period, labelled 2026-Q4. */
    public ReportPeriod quarter() {
        int q = from.get(IsoFields.QUARTER_OF_YEAR);
        LocalDate start = LocalDate.of(from.getYear(), (q - 1) * 3 + 1, 1);
        return new ReportPeriod(start, start.plusMonths(3), from.getYear() + "-Q" + q);
    }

    /**
     * The period a request names with the kind's parameter ({@link ReportKind#parameter()}); a bad value is a 400
     * naming the parameter.
     */
    public static ReportPeriod parse(ReportKind kind, String value) {
        String p = kind.parameter();
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(p, "required: " + example(kind));
        }
        String v = value.strip();
        try {
            return switch (kind) {
                case DAILY -> day(LocalDate.parse(v));
                case WEEKLY -> week(v);
                case MONTHLY, AGENTS -> month(YearMonth.parse(v));
            };
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new InvalidRequestException(p, "'" + v + "' is not " + example(kind));
        }
    }

    private static ReportPeriod week(String v) {
        Matcher m = WEEK.matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException(v);
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        LocalDate jan4 = LocalDate.of(year, 1, 4);
        if (!IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(jan4).isValidValue(week)) {
            throw new IllegalArgumentException(v);
        }
        return weekOf(jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week));
    }

    private static String example(ReportKind kind) {
        return switch (kind) {
            case DAILY -> "a date yyyy-MM-dd, e.g. 2026-11-30";
            case WEEKLY -> "an ISO week yyyy-Www, e.g. 2026-W48";
            case MONTHLY, AGENTS -> "a month yyyy-MM, e.g. 2026-11";
        };
    }
}
