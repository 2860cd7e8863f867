package com.careloop.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.springframework.stereotype.Component;

/** Customers are called only inside calling hours on working days of the work calendar. */
@Component
public class CallingHours {

    private final WorkCalendar calendar;
    private final WorkCalendarProperties props;

    public CallingHours(WorkCalendar calendar, WorkCalendarProperties props) {
        this.calendar = calendar;
        this.props = props;
    }

    /** The first moment at or after {@code earliest} at which a customer may be called. */
    public Instant nextCallTime(Instant earliest) {
        LocalDateTime t = earliest.atZone(calendar.zone()).toLocalDateTime();
        LocalDate day = t.toLocalDate();
        if (calendar.isWorkingDay(day) && !t.toLocalTime().isBefore(props.callingHoursStart())
                && t.toLocalTime().isBefore(props.callingHoursEnd())) {
            return earliest;
        }
        if (!calendar.isWorkingDay(day) || !t.toLocalTime().isBefore(props.callingHoursStart())) {
            day = day.plusDays(1);
            while (!calendar.isWorkingDay(day)) {
                day = day.plusDays(1);
            }
        }
        return ZonedDateTime.of(day, props.callingHoursStart(), calendar.zone()).toInstant();
    }
}
