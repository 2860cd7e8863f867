package com.careloop.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Texts only inside texting hours, every day in Asia/Shanghai: the designers' hours from bpmn/serviceParameters.dmn
 * (whatever they are), or an installation's careloop.sms.texting-hours; outside them the next opening.
 */
class TextingHoursTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final WorkCalendar CALENDAR = new WorkCalendar(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(18, 0), Map.of(), Set.of());

    static ServiceParameters shipped() throws Exception {
        try (FileInputStream in = new FileInputStream("bpmn/serviceParameters.dmn")) {
            return ServiceParameters.fromModel(in, "bpmn/serviceParameters.dmn");
        }
    }

    static TextingHours at(ZonedDateTime now, ServiceParameters p, String installation) {
        return new TextingHours(CALENDAR, p, Clock.fixed(now.toInstant(), SHANGHAI), installation);
    }

    @Test
    void insideTheDesignersHoursATextGoesNowOutsideAtTheNextOpening() throws Exception {
        ServiceParameters p = shipped();
        LocalTime start = p.textingHoursStart();
        LocalTime end = p.textingHoursEnd();
        assertThat(start).isBefore(end);
        ZonedDateTime inside = ZonedDateTime.of(2026, 12, 5, start.getHour(), start.getMinute(), 0, 0, SHANGHAI).plusMinutes(1); // a Saturday
        assertThat(at(inside, p, "").open()).as("every day, weekends too").isTrue();
        ZonedDateTime late = ZonedDateTime.of(2026, 12, 5, end.getHour(), end.getMinute(), 0, 0, SHANGHAI);
        TextingHours closed = at(late, p, "");
        assertThat(closed.open()).isFalse();
        assertThat(closed.nextOpening().toInstant())
                .isEqualTo(ZonedDateTime.of(2026, 12, 6, start.getHour(), start.getMinute(), 0, 0, SHANGHAI).toInstant());
        ZonedDateTime early = ZonedDateTime.of(2026, 12, 5, 0, 30, 0, 0, SHANGHAI);
        assertThat(at(early, p, "").nextOpening().toInstant())
                .isEqualTo(ZonedDateTime.of(2026, 12, 5, start.getHour(), start.getMinute(), 0, 0, SHANGHAI).toInstant());
    }

    @Test
    void anInstallationMaySetItsOwnHours() throws Exception {
        ServiceParameters p = shipped();
        ZonedDateTime night = ZonedDateTime.of(2026, 12, 5, 23, 59, 0, 0, SHANGHAI);
        assertThat(at(night, p, "00:00-24:00").open()).isTrue();
        TextingHours office = at(night, p, "09:30-17:00");
        assertThat(office.nextOpening().toInstant()).isEqualTo(ZonedDateTime.of(2026, 12, 6, 9, 30, 0, 0, SHANGHAI).toInstant());
        assertThatThrownBy(() -> at(night, p, "21:00-08:00")).hasMessageContaining("careloop.sms.texting-hours");
        assertThatThrownBy(() -> at(night, p, "8-21")).hasMessageContaining("HH:mm-HH:mm");
        Instant now = night.toInstant();
        assertThat(at(night, p, "00:00-24:00").nextOpening(now)).isEqualTo(now);
    }
}
