package com.careloop.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.springframework.stereotype.Component;

/**
 * Customers are called only inside calling hours on working days of the work calendar. The hours are the
 * designers' ({@code calendar.callingHoursStart} / {@code calendar.callingHoursEnd} in bpmn/serviceParameters.dmn).
 */
@Component
public class CallingHours {

    private final WorkCalendar calendar;
    private final ServiceParameters parameters;

    public CallingHours(WorkCalendar calendar, ServiceParameters parameters) {
        this.calendar = calendar;
        this.parameters = parameters;
    }

    /** The first moment at or after {@code earliest} at which a customer may be called. */
    public Instant nextCallTime(Instant earliest) {
        LocalTime start = parameters.callingHoursStart();
        LocalTime end = parameters.callingHoursEnd();
        if (!start.isBefore(end)) {
            throw new IllegalStateException(ServiceParameters.RESOURCE + ": calling hours must start before they end ("
                    + start + " - " + end + ")");
        }
        LocalDateTime t = earliest.atZone(calendar.zone()).toLocalDateTime();
        LocalDate day = t.toLocalDate();
        if (calendar.isWorkingDay(day) && !t.toLocalTime().isBefore(start)
                && t.toLocalTime().isBefore(end)) {
            return earliest;
        }
        if (!calendar.isWorkingDay(day) || !t.toLocalTime().isBefore(start)) {
            day = day.plusDays(1);
            while (!calendar.isWorkingDay(day)) {
                day = day.plusDays(1);
            }
        }
        return ZonedDateTime.of(day, start, calendar.zone()).toInstant();
    }
}
