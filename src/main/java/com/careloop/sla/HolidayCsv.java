package com.careloop.sla;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The holiday data format ({@code date,kind,name}; kind HOLIDAY = a day off although a weekday, WORKDAY = a
 * working day although a weekend, 调休), read line by line with every error named by its line. Comments
 * ({@code #}), blank lines and the header are skipped. The same reader serves the shipped file and a year a
 * manager loads.
 */
public final class HolidayCsv {

    public record Entry(int line, LocalDate date, WorkCalendar.DayKind kind, String name) {}

    public record LineError(int line, String message) {}

    public record Result(List<Entry> entries, List<LineError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private static final int MAX_NAME = 100;

    private HolidayCsv() {
    }

    /** Reads every line; a line that is not {@code yyyy-MM-dd,HOLIDAY|WORKDAY,name} is an error. */
    public static Result read(BufferedReader in) throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        Map<LocalDate, Entry> seen = new HashMap<>();
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            String trimmed = line.strip();
            if (lineNo == 1 && trimmed.startsWith("\uFEFF")) {
                trimmed = trimmed.substring(1).strip();
            }
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.toLowerCase().startsWith("date,")) {
                continue;
            }
            String[] cols = trimmed.split(",", 3);
            LocalDate date;
            WorkCalendar.DayKind kind;
            try {
                date = LocalDate.parse(cols[0].strip());
                kind = WorkCalendar.DayKind.valueOf(cols[1].strip().toUpperCase());
            } catch (DateTimeParseException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                errors.add(new LineError(lineNo, "expected 'yyyy-MM-dd,HOLIDAY|WORKDAY,name' but got '" + abbreviate(line) + "'"));
                continue;
            }
            String name = cols.length > 2 ? cols[2].strip() : "";
            if (name.length() > MAX_NAME) {
                errors.add(new LineError(lineNo, "name is longer than " + MAX_NAME + " characters"));
                continue;
            }
            Entry previous = seen.get(date);
            if (previous != null) {
                errors.add(new LineError(lineNo, date + (previous.kind() == kind
                        ? " is listed twice (also line " + previous.line() + ")"
                        : " is both a HOLIDAY and a WORKDAY (also line " + previous.line() + ")")));
                continue;
            }
            Entry entry = new Entry(lineNo, date, kind, name);
            seen.put(date, entry);
            entries.add(entry);
        }
        return new Result(List.copyOf(entries), List.copyOf(errors));
    }

    /** Reads a file that must be right as a whole (the shipped file): its entries, or the first bad line as an error. */
    public static List<Entry> readAll(BufferedReader in, String source) throws IOException {
        Result result = read(in);
        if (!result.valid()) {
            LineError first = result.errors().get(0);
            throw new IllegalStateException(source + " line " + first.line() + ": " + first.message());
        }
        return result.entries();
    }

    /**
     * The errors of one year's data as a manager loads it: everything {@link #read} finds, plus dates outside
     * the year, an adjusted working day that is not on a weekend, and a year without any holiday.
     */
    public static List<LineError> checkYear(Result result, int year) {
        List<LineError> errors = new ArrayList<>(result.errors());
        for (Entry e : result.entries()) {
            if (e.date().getYear() != year) {
                errors.add(new LineError(e.line(), e.date() + " is not in " + year));
            } else if (e.kind() == WorkCalendar.DayKind.WORKDAY
                    && e.date().getDayOfWeek() != DayOfWeek.SATURDAY && e.date().getDayOfWeek() != DayOfWeek.SUNDAY) {
                errors.add(new LineError(e.line(), e.date() + " is a " + e.date().getDayOfWeek()
                        + ": an adjusted working day (WORKDAY) must fall on a Saturday or Sunday"));
            }
        }
        if (result.errors().isEmpty() && result.entries().stream().noneMatch(e -> e.kind() == WorkCalendar.DayKind.HOLIDAY)) {
            errors.add(new LineError(0, "the data for " + year + " has no HOLIDAY line"));
        }
        errors.sort(java.util.Comparator.comparingInt(LineError::line));
        return errors;
    }

    private static String abbreviate(String line) {
        return line.length() <= 80 ? line : line.substring(0, 80) + "…";
    }
}
