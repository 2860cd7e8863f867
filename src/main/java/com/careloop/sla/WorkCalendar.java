package com.careloop.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;

/**
 * The company's working time: working hours on working days in one time zone. A day is a working day
 * when it is a weekday that is not a public holiday, or when it is an adjusted working day (调休) that
 * falls on a weekend.
 */
public class WorkCalendar {

    private final ZoneId zone;
    private final LocalTime workStart;
    private final LocalTime workEnd;
    private volatile Days days;

    /** How a special day in the holiday data differs from the plain weekday/weekend rule. */
    public enum DayKind { HOLIDAY, WORKDAY }

    /** What a date is, for people reading the calendar. */
    public enum DayType { WORKDAY, WEEKEND, HOLIDAY, ADJUSTED_WORKDAY }

    private record Days(Map<LocalDate, DayKind> special, Set<Integer> years) {}

    public WorkCalendar(ZoneId zone, LocalTime workStart, LocalTime workEnd,
                        Map<LocalDate, DayKind> specialDays, Set<Integer> yearsWithData) {
        if (!workStart.isBefore(workEnd)) {
            throw new IllegalArgumentException("working hours must start before they end: " + workStart + "-" + workEnd);
        }
        this.zone = zone;
        this.workStart = workStart;
        this.workEnd = workEnd;
        replaceSpecialDays(specialDays, yearsWithData);
    }

    /**
     * Swaps in new holiday data at once (a year loaded by a manager): every deadline computed afterwards uses
     * it, no computation ever sees half of it.
     */
    public void replaceSpecialDays(Map<LocalDate, DayKind> specialDays, Set<Integer> yearsWithData) {
        this.days = new Days(Map.copyOf(specialDays), Set.copyOf(yearsWithData));
    }

    /** The years the holiday data covers. */
    public Set<Integer> yearsWithData() {
        return days.years();
    }

    public DayType dayType(LocalDate date) {
        DayKind kind = days.special().get(date);
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (kind == DayKind.HOLIDAY) {
            return DayType.HOLIDAY;
        }
        if (kind == DayKind.WORKDAY && weekend) {
            return DayType.ADJUSTED_WORKDAY;
        }
        return weekend ? DayType.WEEKEND : DayType.WORKDAY;
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean hasDataFor(int year) {
        return days.years().contains(year);
    }

    public boolean isWorkingDay(LocalDate date) {
        DayType type = dayType(date);
        return type == DayType.WORKDAY || type == DayType.ADJUSTED_WORKDAY;
    }

    /** Wall-clock or working-time deadline for an SLA given as an ISO-8601 duration (PT2H, P1D, P3DT4H). */
    public Instant deadline(Instant start, String isoDuration, SlaClock clock) {
        SlaDuration sla = SlaDuration.parse(isoDuration);
        if (clock == SlaClock.WALL) {
            return start.atZone(zone).plusDays(sla.days()).toInstant().plus(sla.time());
        }
        Instant afterDays = plusWorkingDays(start, sla.days());
        return plusWorkingTime(afterDays, sla.time());
    }

    /**
     * The same time of day {@code days} working days later; a start outside working hours counts from the
     * next opening. Zero days returns the start moved into working hours.
     */
    public Instant plusWorkingDays(Instant start, int days) {
        LocalDateTime t = normalizeForward(start.atZone(zone).toLocalDateTime());
        LocalDate date = t.toLocalDate();
        for (int i = 0; i < days; i++) {
            date = nextWorkingDay(date);
        }
        return ZonedDateTime.of(date, t.toLocalTime(), zone).toInstant();
    }

    /** Adds working time (hours inside working hours on working days). */
    public Instant plusWorkingTime(Instant start, Duration amount) {
        LocalDateTime t = normalizeForward(start.atZone(zone).toLocalDateTime());
        Duration left = amount;
        while (!left.isZero() && !left.isNegative()) {
            LocalDateTime endOfDay = LocalDateTime.of(t.toLocalDate(), workEnd);
            Duration available = Duration.between(t, endOfDay);
            if (left.compareTo(available) <= 0) {
                t = t.plus(left);
                left = Duration.ZERO;
            } else {
                left = left.minus(available);
                t = LocalDateTime.of(nextWorkingDay(t.toLocalDate()), workStart);
            }
        }
        return t.atZone(zone).toInstant();
    }

    /**
     * When to remind about an SLA running from start to due: at {@code fraction} of it, counted on the same
     * clock as the SLA (a working-time SLA is reminded in working time, never on a Sunday evening).
     */
    public Instant reminder(Instant start, Instant due, SlaClock clock, double fraction) {
        if (clock == SlaClock.WALL) {
            return fractionOf(start, due, fraction);
        }
        Duration working = workingTimeBetween(start, due);
        return plusWorkingTime(start, Duration.ofMillis(Math.round(working.toMillis() * fraction)));
    }

    /** Working time between two instants. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        LocalDateTime t = from.atZone(zone).toLocalDateTime();
        LocalDateTime end = to.atZone(zone).toLocalDateTime();
        LocalDate day = t.toLocalDate();
        while (!day.isAfter(end.toLocalDate())) {
            if (isWorkingDay(day)) {
                LocalDateTime open = LocalDateTime.of(day, workStart);
                LocalDateTime close = LocalDateTime.of(day, workEnd);
                LocalDateTime a = t.isAfter(open) ? t : open;
                LocalDateTime b = end.isBefore(close) ? end : close;
                if (b.isAfter(a)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
            day = day.plusDays(1);
        }
        return total;
    }

    /** The instant at {@code fraction} (0..1) of the way from start to end, wall clock. */
    public static Instant fractionOf(Instant start, Instant end, double fraction) {
        long millis = Duration.between(start, end).toMillis();
        return start.plusMillis(Math.round(millis * fraction));
    }

    private LocalDateTime normalizeForward(LocalDateTime t) {
        LocalDate date = t.toLocalDate();
        if (!isWorkingDay(date) || !t.toLocalTime().isBefore(workEnd)) {
            return LocalDateTime.of(isWorkingDay(date) && t.toLocalTime().isBefore(workStart) ? date : nextWorkingDay(date), workStart);
        }
        if (t.toLocalTime().isBefore(workStart)) {
            return LocalDateTime.of(date, workStart);
        }
        return t;
    }

    private LocalDate nextWorkingDay(LocalDate date) {
        LocalDate d = date.plusDays(1);
        for (int guard = 0; guard < 400 && !isWorkingDay(d); guard++) {
            d = d.plusDays(1);
        }
        return d;
    }
}
