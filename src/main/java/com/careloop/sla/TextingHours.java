package com.careloop.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Texts go to customers only inside texting hours, every day, in the work calendar's zone (Asia/Shanghai): the
 * designers' {@code sms.textingHoursStart} / {@code sms.textingHoursEnd} in bpmn/serviceParameters.dmn (08:00–21:00),
 * or per installation {@code careloop.sms.texting-hours} ("00:00-24:00": any time). A text due outside them waits for
 * the next opening (followUp: 短信时段 Texting hours).
 */
@Component("textingHours")
public class TextingHours {

    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{2}):(\\d{2})\\s*-\\s*(\\d{2}):(\\d{2})\\s*");

    /** Minutes of the day: [start, end), end up to 24 × 60. */
    private record Window(int start, int end) {}

    private final WorkCalendar calendar;
    private final ServiceParameters parameters;
    private final Clock clock;
    private final Window installation;

    public TextingHours(WorkCalendar calendar, ServiceParameters parameters, Clock clock,
                        @Value("${careloop.sms.texting-hours:}") String installation) {
        this.calendar = calendar;
        this.parameters = parameters;
        this.clock = clock;
        this.installation = installation == null || installation.isBlank() ? null : parse(installation);
    }

    static Window parse(String range) {
        Matcher m = RANGE.matcher(range);
        if (!m.matches()) {
            throw new IllegalStateException("careloop.sms.texting-hours must be HH:mm-HH:mm (e.g. 08:00-21:00 or 00:00-24:00), got '"
                    + range + "'");
        }
        int start = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        int end = Integer.parseInt(m.group(3)) * 60 + Integer.parseInt(m.group(4));
        if (start >= end || end > 24 * 60 || Integer.parseInt(m.group(2)) > 59 || Integer.parseInt(m.group(4)) > 59) {
            throw new IllegalStateException("careloop.sms.texting-hours must start before it ends, within 00:00-24:00, got '" + range + "'");
        }
        return new Window(start, end);
    }

    private Window window() {
        if (installation != null) {
            return installation;
        }
        LocalTime start = parameters.textingHoursStart();
        LocalTime end = parameters.textingHoursEnd();
        if (!start.isBefore(end)) {
            throw new IllegalStateException(ServiceParameters.RESOURCE + ": texting hours must start before they end (" + start + " - " + end + ")");
        }
        return new Window(start.toSecondOfDay() / 60, end.toSecondOfDay() / 60);
    }

    /** Whether a text may go out now. */
    public boolean open() {
        Instant now = clock.instant();
        return nextOpening(now).equals(now);
    }

    /** The first moment at or after now at which a text may go out (now, inside texting hours). */
    public Date nextOpening() {
        return Date.from(nextOpening(clock.instant()));
    }

    public Instant nextOpening(Instant earliest) {
        Window w = window();
        LocalDateTime t = earliest.atZone(calendar.zone()).toLocalDateTime();
        int minute = t.getHour() * 60 + t.getMinute();
        if (minute >= w.start() && minute < w.end()) {
            return earliest;
        }
        LocalDate day = minute < w.start() ? t.toLocalDate() : t.toLocalDate().plusDays(1);
        return ZonedDateTime.of(day, LocalTime.of(w.start() / 60, w.start() % 60), calendar.zone()).toInstant();
    }
}
