package com.careloop.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The work calendar built from the real holiday file sla/holidays-cn.csv, Asia/Shanghai, 09:00-18:00. */
class WorkCalendarTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Path HOLIDAYS = Path.of("src/main/resources/sla/holidays-cn.csv");

    static WorkCalendar calendar;

    @BeforeAll
    static void loadCalendar() throws IOException {
        Map<LocalDate, WorkCalendar.DayKind> days = new HashMap<>();
        Set<Integer> years = new HashSet<>();
        try (BufferedReader in = Files.newBufferedReader(HOLIDAYS, StandardCharsets.UTF_8)) {
            WorkCalendarConfiguration.parse(in, HOLIDAYS.toString(), days, years);
        }
        calendar = new WorkCalendar(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(18, 0), days, years);
    }

    /** A Shanghai local date-time as an instant. */
    static Instant sh(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    static LocalDateTime inShanghai(Instant instant) {
        return LocalDateTime.ofInstant(instant, SHANGHAI);
    }

    static LocalDateTime workingDeadline(String start, String sla) {
        return inShanghai(calendar.deadline(sh(start), sla, SlaClock.WORKING));
    }

    static LocalDateTime wallDeadline(String start, String sla) {
        return inShanghai(calendar.deadline(sh(start), sla, SlaClock.WALL));
    }

    @Nested
    class WorkingDays {

        @Test
        void ordinaryWeekdayIsAWorkingDay() {
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 4))).isTrue(); // Wednesday
        }

        @Test
        void ordinaryWeekendIsNotAWorkingDay() {
            assertThat(LocalDate.of(2026, 3, 7).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 7))).isFalse();
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 8))).isFalse();
        }

        @Test
        void publicHolidayOnAWeekdayIsNotAWorkingDay() {
            assertThat(LocalDate.of(2026, 10, 1).getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 7))).isFalse();
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 8))).isTrue();
        }

        @Test
        void adjustedWorkingDayOnASaturdayIsAWorkingDay() {
            assertThat(LocalDate.of(2026, 10, 10).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
            assertThat(LocalDate.of(2026, 2, 14).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
            assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
        }

        @Test
        void everyDayOfTheSpringFestival2026IsOff() {
            for (LocalDate d = LocalDate.of(2026, 2, 15); !d.isAfter(LocalDate.of(2026, 2, 23)); d = d.plusDays(1)) {
                assertThat(calendar.isWorkingDay(d)).as(d.toString()).isFalse();
            }
        }

        @Test
        void hasDataOnlyForYearsInTheFile() {
            assertThat(calendar.yearsWithData()).isNotEmpty().allSatisfy(y -> assertThat(calendar.hasDataFor(y)).isTrue());
            int after = calendar.yearsWithData().stream().mapToInt(Integer::intValue).max().orElseThrow() + 1;
            assertThat(calendar.hasDataFor(after)).isFalse();
        }

        @Test
        void replacedDaysApplyAtOnce() {
            WorkCalendar c = new WorkCalendar(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(18, 0), Map.of(), Set.of());
            LocalDate friday = LocalDate.of(2031, 1, 3);
            LocalDate saturday = friday.plusDays(1);
            assertThat(c.dayType(friday)).isEqualTo(WorkCalendar.DayType.WORKDAY);
            assertThat(c.dayType(saturday)).isEqualTo(WorkCalendar.DayType.WEEKEND);
            c.replaceSpecialDays(Map.of(friday, WorkCalendar.DayKind.HOLIDAY, saturday, WorkCalendar.DayKind.WORKDAY), Set.of(2031));
            assertThat(c.dayType(friday)).isEqualTo(WorkCalendar.DayType.HOLIDAY);
            assertThat(c.dayType(saturday)).isEqualTo(WorkCalendar.DayType.ADJUSTED_WORKDAY);
            assertThat(c.isWorkingDay(friday)).isFalse();
            assertThat(c.isWorkingDay(saturday)).isTrue();
            assertThat(c.hasDataFor(2031)).isTrue();
        }

        @Test
        void workingHoursMustStartBeforeTheyEnd() {
            assertThatThrownBy(() -> new WorkCalendar(SHANGHAI, LocalTime.of(18, 0), LocalTime.of(9, 0), Map.of(), Set.of()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class WallClock {

        @Test
        void twoHoursAcrossMidnight() {
            assertThat(wallDeadline("2026-03-04T23:00", "PT2H")).isEqualTo("2026-03-05T01:00");
        }

        @Test
        void twentyFourHoursAcrossAWeekendCountsEveryHour() {
            assertThat(wallDeadline("2026-03-06T22:00", "PT24H")).isEqualTo("2026-03-07T22:00"); // Friday -> Saturday
            assertThat(wallDeadline("2026-03-07T22:00", "PT2H")).isEqualTo("2026-03-08T00:00"); // Saturday night
        }

        @Test
        void wallClockIgnoresHolidays() {
            assertThat(wallDeadline("2026-09-30T20:00", "PT24H")).isEqualTo("2026-10-01T20:00");
            assertThat(wallDeadline("2026-09-30T20:00", "PT72H")).isEqualTo("2026-10-03T20:00");
        }

        @Test
        void wallClockDaysAndTime() {
            assertThat(wallDeadline("2026-03-06T17:30", "P1DT1H")).isEqualTo("2026-03-07T18:30");
        }
    }

    @Nested
    class WorkingTime {

        @Test
        void oneWorkingDayFromFridayIsMondaySameTime() {
            assertThat(workingDeadline("2026-03-06T10:00", "P1D")).isEqualTo("2026-03-09T10:00");
        }

        @Test
        void oneWorkingDayFromTheDayBeforeNationalDayIsTheNextWorkingDayAfterTheHoliday() {
            // 2026-09-30 is a Wednesday; 1-7 October are holidays; 8 October is a Thursday
            assertThat(workingDeadline("2026-09-30T10:00", "P1D")).isEqualTo("2026-10-08T10:00");
        }

        @Test
        void twoWorkingDaysAfterNationalDayIncludeTheAdjustedSaturday() {
            // Thursday 8 Oct -> Friday 9 Oct -> Saturday 10 Oct (调休)
            assertThat(workingDeadline("2026-10-08T10:00", "P2D")).isEqualTo("2026-10-10T10:00");
        }

        @Test
        void threeWorkingDaysAcrossTheSpringFestival() {
            // Thu 12 Feb -> Fri 13 -> Sat 14 (调休) -> [15..23 holiday] -> Tue 24
            assertThat(workingDeadline("2026-02-12T10:00", "P3D")).isEqualTo("2026-02-24T10:00");
            // Fri 13 Feb -> Sat 14 (调休) -> Tue 24 -> Wed 25
            assertThat(workingDeadline("2026-02-13T10:00", "P3D")).isEqualTo("2026-02-25T10:00");
        }

        @Test
        void threeWorkingDaysIncludeTheAdjustedSaturdayAtTheEndOfFebruary() {
            // Thu 26 Feb -> Fri 27 -> Sat 28 (调休) -> Mon 2 Mar
            assertThat(workingDeadline("2026-02-26T10:00", "P3D")).isEqualTo("2026-03-02T10:00");
        }

        @Test
        void startOnSaturdayNightCountsFromMondayOpening() {
            assertThat(workingDeadline("2026-03-07T22:00", "PT2H")).isEqualTo("2026-03-09T11:00");
            assertThat(workingDeadline("2026-03-07T22:00", "P1D")).isEqualTo("2026-03-10T09:00");
        }

        @Test
        void startBeforeOpeningCountsFromSameDayOpening() {
            assertThat(workingDeadline("2026-03-04T07:00", "PT2H")).isEqualTo("2026-03-04T11:00");
            assertThat(workingDeadline("2026-03-04T07:00", "P1D")).isEqualTo("2026-03-05T09:00");
        }

        @Test
        void startAfterClosingCountsFromNextDayOpening() {
            assertThat(workingDeadline("2026-03-04T19:00", "PT2H")).isEqualTo("2026-03-05T11:00");
            assertThat(workingDeadline("2026-03-04T18:00", "PT2H")).isEqualTo("2026-03-05T11:00");
        }

        @Test
        void startAfterClosingOnFridayCountsFromMondayOpening() {
            assertThat(workingDeadline("2026-03-06T19:00", "PT2H")).isEqualTo("2026-03-09T11:00");
        }

        @Test
        void startOnAHolidayCountsFromTheNextWorkingDayOpening() {
            assertThat(workingDeadline("2026-10-01T10:00", "PT2H")).isEqualTo("2026-10-08T11:00");
        }

        @Test
        void zeroDurationMovesTheStartIntoWorkingHours() {
            assertThat(workingDeadline("2026-03-07T22:00", "PT0H")).isEqualTo("2026-03-09T09:00");
            assertThat(workingDeadline("2026-03-04T10:15", "P0D")).isEqualTo("2026-03-04T10:15");
        }

        @Test
        void fourWorkingHoursSpanTheEndOfTheDay() {
            // 16:00-18:00 today, 09:00-11:00 tomorrow
            assertThat(workingDeadline("2026-03-04T16:00", "PT4H")).isEqualTo("2026-03-05T11:00");
        }

        @Test
        void fourWorkingHoursFromFridayAfternoonEndOnMonday() {
            assertThat(workingDeadline("2026-03-06T16:00", "PT4H")).isEqualTo("2026-03-09T11:00");
        }

        @Test
        void workingTimeThatEndsExactlyAtClosingStaysOnTheSameDay() {
            assertThat(workingDeadline("2026-03-04T14:00", "PT4H")).isEqualTo("2026-03-04T18:00");
        }

        @Test
        void workingTimeLongerThanAWorkingDay() {
            // 9 working hours per day: 10:00 + 9h = next day 10:00
            assertThat(workingDeadline("2026-03-04T10:00", "PT9H")).isEqualTo("2026-03-05T10:00");
        }

        @Test
        void daysThenHoursAndMinutes() {
            // P1D: Thu 15:00; then 3h to 18:00, 1h30m on Friday
            assertThat(workingDeadline("2026-03-04T15:00", "P1DT4H30M")).isEqualTo("2026-03-06T10:30");
        }

        @Test
        void plusWorkingDaysZeroMovesIntoWorkingHours() {
            assertThat(inShanghai(calendar.plusWorkingDays(sh("2026-03-04T19:00"), 0))).isEqualTo("2026-03-05T09:00");
        }

        @Test
        void plusWorkingTimeSkipsHolidays() {
            assertThat(inShanghai(calendar.plusWorkingTime(sh("2026-09-30T17:00"), Duration.ofHours(2))))
                    .isEqualTo("2026-10-08T10:00");
        }
    }

    @Nested
    class TimeZones {

        @Test
        void sameInstantExpressedInUtcGivesTheSameDeadline() {
            Instant shanghaiStart = sh("2026-03-06T10:00");
            Instant utcStart = LocalDateTime.parse("2026-03-06T02:00").toInstant(ZoneOffset.UTC);
            assertThat(utcStart).isEqualTo(shanghaiStart);
            assertThat(calendar.deadline(utcStart, "P1D", SlaClock.WORKING))
                    .isEqualTo(calendar.deadline(shanghaiStart, "P1D", SlaClock.WORKING))
                    .isEqualTo(LocalDateTime.parse("2026-03-09T02:00").toInstant(ZoneOffset.UTC));
        }

        @Test
        void workingHoursAreCheckedInTheCalendarZoneNotUtc() {
            // 2026-03-04T23:30Z is Thursday 07:30 in Shanghai: before opening, so counts from 09:00 Shanghai
            Instant start = Instant.parse("2026-03-04T23:30:00Z");
            assertThat(inShanghai(calendar.deadline(start, "PT2H", SlaClock.WORKING))).isEqualTo("2026-03-05T11:00");
        }

        @Test
        void utcWeekdayThatIsAShanghaiSaturdayIsNotWorkingTime() {
            // Friday 2026-03-06T17:00Z is Saturday 01:00 in Shanghai
            Instant start = Instant.parse("2026-03-06T17:00:00Z");
            assertThat(inShanghai(calendar.deadline(start, "PT1H", SlaClock.WORKING))).isEqualTo("2026-03-09T10:00");
        }

        @Test
        void calendarInBerlinCountsInItsOwnZone() {
            WorkCalendar berlin = new WorkCalendar(BERLIN, LocalTime.of(9, 0), LocalTime.of(18, 0), Map.of(), Set.of());
            // 2026-03-04T08:00Z = Wednesday 09:00 Berlin (CET) = Wednesday 16:00 Shanghai
            Instant start = Instant.parse("2026-03-04T08:00:00Z");
            assertThat(berlin.zone()).isEqualTo(BERLIN);
            assertThat(LocalDateTime.ofInstant(berlin.deadline(start, "PT4H", SlaClock.WORKING), BERLIN))
                    .isEqualTo("2026-03-04T13:00");
            assertThat(inShanghai(calendar.deadline(start, "PT4H", SlaClock.WORKING))).isEqualTo("2026-03-05T11:00");
        }

        @Test
        void berlinEveningIsAfterClosingThere() {
            WorkCalendar berlin = new WorkCalendar(BERLIN, LocalTime.of(9, 0), LocalTime.of(18, 0), Map.of(), Set.of());
            // Friday 2026-03-06T17:30Z = Friday 18:30 Berlin -> Monday 09:00 Berlin + 1h
            Instant start = Instant.parse("2026-03-06T17:30:00Z");
            assertThat(LocalDateTime.ofInstant(berlin.deadline(start, "PT1H", SlaClock.WORKING), BERLIN))
                    .isEqualTo("2026-03-09T10:00");
        }

        @Test
        void wallClockDaysKeepTheLocalTimeAcrossDaylightSavingInBerlin() {
            WorkCalendar berlin = new WorkCalendar(BERLIN, LocalTime.of(9, 0), LocalTime.of(18, 0), Map.of(), Set.of());
            // DST starts 2026-03-29 in Europe/Berlin
            Instant start = LocalDateTime.parse("2026-03-28T10:00").atZone(BERLIN).toInstant();
            Instant due = berlin.deadline(start, "P1D", SlaClock.WALL);
            assertThat(LocalDateTime.ofInstant(due, BERLIN)).isEqualTo("2026-03-29T10:00");
            assertThat(Duration.between(start, due)).isEqualTo(Duration.ofHours(23));
        }
    }

    @Nested
    class Durations {

        @ParameterizedTest
        @CsvSource({
                "PT2H, 0, 120",
                "P1D, 1, 0",
                "P3DT4H, 3, 240",
                "PT30M, 0, 30",
                "PT24H, 0, 1440",
                "P1DT1H30M, 1, 90",
                "pt2h, 0, 120",
                "' P1D ', 1, 0"
        })
        void parsesIsoSlaDurations(String iso, int days, long minutes) {
            SlaDuration sla = SlaDuration.parse(iso);
            assertThat(sla.days()).isEqualTo(days);
            assertThat(sla.time()).isEqualTo(Duration.ofMinutes(minutes));
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", " ", "P", "2H", "PT", "P1DT", "P1W", "PT1.5H", "PT2S", "1D", "P-1D", "p", "pt", "P1dt"})
        void rejectsMalformedSlaDurations(String iso) {
            assertThatThrownBy(() -> SlaDuration.parse(iso)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void deadlineRejectsAMalformedSla() {
            assertThatThrownBy(() -> calendar.deadline(sh("2026-03-04T10:00"), "2H", SlaClock.WALL))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("2H");
        }

        @Test
        void slaClockParsesCaseInsensitivelyAndDefaultsToWorking() {
            assertThat(SlaClock.parse("WALL")).isEqualTo(SlaClock.WALL);
            assertThat(SlaClock.parse(" working ")).isEqualTo(SlaClock.WORKING);
            assertThat(SlaClock.parse(null)).isEqualTo(SlaClock.WORKING);
            assertThatThrownBy(() -> SlaClock.parse("SOLAR")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void fractionOfIsEightyPercentOfTheWallClockSpan() {
            Instant start = Instant.parse("2026-03-04T02:00:00Z");
            Instant end = start.plus(Duration.ofHours(10));
            assertThat(WorkCalendar.fractionOf(start, end, 0.8)).isEqualTo(start.plus(Duration.ofHours(8)));
            assertThat(WorkCalendar.fractionOf(start, end, 0.0)).isEqualTo(start);
            assertThat(WorkCalendar.fractionOf(start, end, 1.0)).isEqualTo(end);
        }

        @Test
        void fractionOfAWeekendSpanIsWallClockNotWorkingTime() {
            // P1D working from Friday 10:00 is Monday 10:00 (72 h); 80 % is Sunday 19:36
            Instant start = sh("2026-03-06T10:00");
            Instant due = calendar.deadline(start, "P1D", SlaClock.WORKING);
            assertThat(inShanghai(WorkCalendar.fractionOf(start, due, 0.8))).isEqualTo("2026-03-08T19:36");
        }

        @Test
        void workingTimeReminderFallsInsideWorkingHours() {
            // the same P1D is 9 working hours (Fri 10-18, Mon 9-10); 80 % = 7 h 12 min of working time: Friday 17:12
            Instant start = sh("2026-03-06T10:00");
            Instant due = calendar.deadline(start, "P1D", SlaClock.WORKING);
            assertThat(calendar.workingTimeBetween(start, due)).isEqualTo(Duration.ofHours(9));
            assertThat(inShanghai(calendar.reminder(start, due, SlaClock.WORKING, 0.8))).isEqualTo("2026-03-06T17:12");
            assertThat(calendar.reminder(start, due, SlaClock.WALL, 0.8)).isEqualTo(WorkCalendar.fractionOf(start, due, 0.8));
        }
    }

    @Nested
    class HolidayFile {

        static void parse(String text, Map<LocalDate, WorkCalendar.DayKind> days, Set<Integer> years) throws IOException {
            WorkCalendarConfiguration.parse(new BufferedReader(new StringReader(text)), "test.csv", days, years);
        }

        @Test
        void skipsCommentsBlankLinesAndTheHeaderAndReadsKindsCaseInsensitively() throws IOException {
            Map<LocalDate, WorkCalendar.DayKind> days = new HashMap<>();
            Set<Integer> years = new HashSet<>();
            parse("""
                    # comment
                    date,kind,name

                    2027-01-01, holiday ,元旦
                    2027-01-03,WORKDAY,调休, with a comma in the name
                    """, days, years);
            assertThat(days).containsOnly(
                    Map.entry(LocalDate.of(2027, 1, 1), WorkCalendar.DayKind.HOLIDAY),
                    Map.entry(LocalDate.of(2027, 1, 3), WorkCalendar.DayKind.WORKDAY));
            assertThat(years).containsOnly(2027);
        }

        @Test
        void realFileContainsBothKinds() throws IOException {
            Map<LocalDate, WorkCalendar.DayKind> days = new HashMap<>();
            Set<Integer> years = new HashSet<>();
            try (BufferedReader in = Files.newBufferedReader(HOLIDAYS, StandardCharsets.UTF_8)) {
                WorkCalendarConfiguration.parse(in, "test", days, years);
            }
            assertThat(years).isNotEmpty();
            // every year on file is a whole year's schedule: China has at least seven statutory days off
            for (int year : years) {
                long holidays = days.entrySet().stream()
                        .filter(e -> e.getKey().getYear() == year && e.getValue() == WorkCalendar.DayKind.HOLIDAY).count();
                assertThat(holidays).as("holidays in " + year).isGreaterThanOrEqualTo(7);
            }
            assertThat(days).containsValue(WorkCalendar.DayKind.WORKDAY);
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-13-01,HOLIDAY,x", "2026-10-01,DAYOFF,x", "2026-10-01", "01.10.2026,HOLIDAY,x"})
        void malformedLineIsRejectedWithItsLineNumber(String badLine) {
            String text = "date,kind,name\n# comment\n2026-10-01,HOLIDAY,国庆节\n" + badLine + "\n2026-10-02,HOLIDAY,国庆节\n";
            assertThatThrownBy(() -> parse(text, new HashMap<>(), new HashSet<>()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("test.csv")
                    .hasMessageContaining("line 4")
                    .hasMessageContaining(badLine);
        }
    }
}
