package com.careloop.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Calling hours 09:00-20:00 on working days of the Chinese work calendar (Asia/Shanghai). */
class CallingHoursTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static CallingHours callingHours;

    @BeforeAll
    static void setUp() throws IOException {
        Map<LocalDate, WorkCalendar.DayKind> days = new HashMap<>();
        Set<Integer> years = new HashSet<>();
        Path file = Path.of("src/main/resources/sla/holidays-cn.csv");
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            WorkCalendarConfiguration.parse(in, file.toString(), days, years);
        }
        WorkCalendar calendar = new WorkCalendar(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(18, 0), days, years);
        // the algorithm with fixed hours; the hours shipped in bpmn/serviceParameters.dmn are the designers' to change
        ServiceParameters hours = ServiceParameters.of(Map.of(
                ServiceParameters.Parameter.CALLING_HOURS_START, "09:00",
                ServiceParameters.Parameter.CALLING_HOURS_END, "20:00"));
        callingHours = new CallingHours(calendar, hours);
    }

    static Instant sh(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    static LocalDateTime nextCall(String earliest) {
        return LocalDateTime.ofInstant(callingHours.nextCallTime(sh(earliest)), SHANGHAI);
    }

    @ParameterizedTest
    @CsvSource({"2026-03-04T09:00", "2026-03-04T12:34:56", "2026-03-04T18:30", "2026-03-04T19:59:59"})
    void insideCallingHoursOnAWorkingDayIsUnchanged(String earliest) {
        assertThat(callingHours.nextCallTime(sh(earliest))).isEqualTo(sh(earliest));
    }

    @Test
    void callingHoursExtendBeyondWorkingHours() {
        assertThat(nextCall("2026-03-04T19:00")).isEqualTo("2026-03-04T19:00");
    }

    @Test
    void eveningMovesToNextWorkingDayAtNine() {
        assertThat(nextCall("2026-03-04T21:00")).isEqualTo("2026-03-05T09:00");
    }

    @Test
    void endOfCallingHoursIsExclusive() {
        assertThat(nextCall("2026-03-04T20:00")).isEqualTo("2026-03-05T09:00");
    }

    @Test
    void earlyMorningMovesToNineTheSameDay() {
        assertThat(nextCall("2026-03-04T07:00")).isEqualTo("2026-03-04T09:00");
    }

    @Test
    void fridayEveningMovesToMonday() {
        assertThat(nextCall("2026-03-06T21:00")).isEqualTo("2026-03-09T09:00");
    }

    @ParameterizedTest
    @CsvSource({"2026-03-07T07:00", "2026-03-07T10:00", "2026-03-07T22:00", "2026-03-08T15:00"})
    void weekendMovesToMondayAtNine(String earliest) {
        assertThat(nextCall(earliest)).isEqualTo("2026-03-09T09:00");
    }

    @ParameterizedTest
    @CsvSource({"2026-10-01T10:00", "2026-10-03T07:00", "2026-10-07T21:00", "2026-09-30T20:30"})
    void nationalDayHolidayMovesToTheNextWorkingDay(String earliest) {
        assertThat(nextCall(earliest)).isEqualTo("2026-10-08T09:00");
    }

    @Test
    void adjustedWorkingSaturdayIsACallingDay() {
        assertThat(nextCall("2026-10-10T10:00")).isEqualTo("2026-10-10T10:00");
        assertThat(nextCall("2026-10-09T21:00")).isEqualTo("2026-10-10T09:00");
    }

    @Test
    void springFestivalMovesToTheFirstWorkingDayAfterIt() {
        assertThat(nextCall("2026-02-14T20:30")).isEqualTo("2026-02-24T09:00");
    }

    @Test
    void instantGivenInUtcIsJudgedInTheCalendarZone() {
        // 2026-03-04T13:30Z = 21:30 Shanghai
        assertThat(LocalDateTime.ofInstant(callingHours.nextCallTime(Instant.parse("2026-03-04T13:30:00Z")), SHANGHAI))
                .isEqualTo("2026-03-05T09:00");
    }
}
