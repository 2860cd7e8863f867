package com.careloop.feedback;

import com.careloop.sla.SlaClock;
import com.careloop.sla.WorkCalendar;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Instants on an item's SLA clock that the pause and the progress notice need: a duration after a start (days count
 * as working days on the working clock), a lead before a deadline, the time between two instants and a deadline moved
 * by paused time — all on the work calendar when the SLA counts working time.
 */
@Component
class SlaTimes {

    private final WorkCalendar calendar;

    SlaTimes(WorkCalendar calendar) {
        this.calendar = calendar;
    }

    /** {@code start} plus {@code amount} on the clock (P5D on the working clock: five working days). */
    Instant after(Instant start, Duration amount, SlaClock clock) {
        long days = amount.toDaysPart();
        Duration rest = amount.minusDays(days);
        return calendar.deadline(start, "P" + days + "D" + (rest.isZero() ? "" : rest.toString().substring(1)), clock);
    }

    /** {@code lead} before {@code due} on the clock, but not before {@code start}. */
    Instant before(Instant start, Instant due, Duration lead, SlaClock clock) {
        if (clock == SlaClock.WALL) {
            Instant at = due.minus(lead);
            return at.isBefore(start) ? start : at;
        }
        Duration total = calendar.workingTimeBetween(start, due);
        return total.compareTo(lead) <= 0 ? start : calendar.plusWorkingTime(start, total.minus(lead));
    }

    /** The time between two instants on the clock (working time on the working clock). */
    Duration between(Instant from, Instant to, SlaClock clock) {
        return clock == SlaClock.WALL ? Duration.between(from, to) : calendar.workingTimeBetween(from, to);
    }

    /** {@code at} moved later by {@code paused} on the clock. */
    Instant moved(Instant at, Duration paused, SlaClock clock) {
        if (paused.isZero()) {
            return at;
        }
        return clock == SlaClock.WALL ? at.plus(paused) : calendar.plusWorkingTime(at, paused);
    }
}
