package com.careloop.quality.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careloop.errors.InvalidRequestException;
import com.careloop.sla.WorkCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which days each report covers, what a day off does, the periods a request names, the crons in the server's zone. */
class ReportScheduleTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** National Day 2026: 1–7 October off, Saturday 10 October an adjusted working day */
    static final WorkCalendar CALENDAR = new WorkCalendar(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(18, 0), Map.of(
            LocalDate.parse("2026-10-01"), WorkCalendar.DayKind.HOLIDAY, LocalDate.parse("2026-10-02"), WorkCalendar.DayKind.HOLIDAY,
            LocalDate.parse("2026-10-05"), WorkCalendar.DayKind.HOLIDAY, LocalDate.parse("2026-10-06"), WorkCalendar.DayKind.HOLIDAY,
            LocalDate.parse("2026-10-07"), WorkCalendar.DayKind.HOLIDAY, LocalDate.parse("2026-10-10"), WorkCalendar.DayKind.WORKDAY),
            Set.of(2026));

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void theDailyReportCoversTheDaysSinceThePreviousWorkingDay() {
        assertThat(ScheduledReport.DAILY.period(d("2026-11-26"), CALENDAR)).isEqualTo(ReportPeriod.day(d("2026-11-25")));
        ReportPeriod monday = ScheduledReport.DAILY.period(d("2026-11-30"), CALENDAR);
        assertThat(monday.from()).isEqualTo(d("2026-11-27"));
        assertThat(monday.to()).isEqualTo(d("2026-11-30"));
        assertThat(monday.label()).isEqualTo("2026-11-27~2026-11-29");
        ReportPeriod afterHoliday = ScheduledReport.DAILY.period(d("2026-10-08"), CALENDAR);
        assertThat(afterHoliday.from()).as("the last working day before National Day").isEqualTo(d("2026-09-30"));
        assertThat(afterHoliday.to()).isEqualTo(d("2026-10-08"));
        assertThat(ScheduledReport.DAILY.period(d("2026-10-12"), CALENDAR).from()).as("after the adjusted working Saturday")
                .isEqualTo(d("2026-10-10"));
        assertThat(ScheduledReport.DAILY.skippedOnDaysOff()).isTrue();
        assertThat(ScheduledReport.WEEKLY.skippedOnDaysOff()).isFalse();
        assertThat(ScheduledReport.MONTHLY.skippedOnDaysOff()).isFalse();
    }

    @Test
    void weeklyAndMonthlyCoverThePreviousWeekAndMonthAndTheMonthlyMailCarriesTheAgentsReport() {
        ReportPeriod week = ScheduledReport.WEEKLY.period(d("2026-11-30"), CALENDAR);
        assertThat(week).isEqualTo(new ReportPeriod(d("2026-11-23"), d("2026-11-30"), "2026-W48"));
        assertThat(ScheduledReport.WEEKLY.period(d("2026-10-08"), CALENDAR).label()).as("moved to Thursday: still the week before")
                .isEqualTo("2026-W40");
        ReportPeriod month = ScheduledReport.MONTHLY.period(d("2026-10-08"), CALENDAR);
        assertThat(month).isEqualTo(new ReportPeriod(d("2026-09-01"), d("2026-10-01"), "2026-09"));
        assertThat(ScheduledReport.MONTHLY.reports(month)).extracting(ScheduledReport.Requested::kind)
                .containsExactly(ReportKind.MONTHLY, ReportKind.AGENTS);
        assertThat(ScheduledReport.MONTHLY.period(d("2027-01-04"), CALENDAR).label()).isEqualTo("2026-12");
    }

    @Test
    void requestsNameTheirPeriodAndBadValuesNameTheParameter() {
        assertThat(ReportPeriod.parse(ReportKind.DAILY, "2026-11-30")).isEqualTo(ReportPeriod.day(d("2026-11-30")));
        assertThat(ReportPeriod.parse(ReportKind.WEEKLY, "2026-W48")).isEqualTo(new ReportPeriod(d("2026-11-23"), d("2026-11-30"), "2026-W48"));
        assertThat(ReportPeriod.parse(ReportKind.WEEKLY, "2026-W53").from()).as("2026 has 53 ISO weeks").isEqualTo(d("2026-12-28"));
        assertThat(ReportPeriod.parse(ReportKind.WEEKLY, "2021-W01").from()).isEqualTo(d("2021-01-04"));
        assertThat(ReportPeriod.parse(ReportKind.MONTHLY, "2026-11")).isEqualTo(new ReportPeriod(d("2026-11-01"), d("2026-12-01"), "2026-11"));
        assertThat(ReportPeriod.parse(ReportKind.AGENTS, "2026-02").to()).isEqualTo(d("2026-03-01"));
        assertThat(ReportPeriod.month(java.time.YearMonth.of(2026, 11)).quarter())
                .isEqualTo(new ReportPeriod(d("2026-10-01"), d("2027-01-01"), "2026-Q4"));

        assertBad(ReportKind.DAILY, "2026-13-01", "date");
        assertBad(ReportKind.DAILY, null, "date");
        assertBad(ReportKind.WEEKLY, "2027-W53", "week");
        assertBad(ReportKind.WEEKLY, "2026-48", "week");
        assertBad(ReportKind.MONTHLY, "2026-1", "month");
        assertBad(ReportKind.AGENTS, " ", "month");
        assertThatThrownBy(() -> ReportKind.ofPath("yearly")).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).errors().get(0).field()).isEqualTo("kind"));
    }

    static void assertBad(ReportKind kind, String value, String parameter) {
        assertThatThrownBy(() -> ReportPeriod.parse(kind, value)).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).errors()).singleElement()
                        .satisfies(f -> assertThat(f.field()).isEqualTo(parameter)));
    }

    @Test
    void theCronsAreMeantInShanghaiAndMovedIntoTheServersZone() {
        Instant winter = Instant.parse("2026-12-01T00:00:00Z");
        assertThat(ReportCron.inZone("0 0 8 * * ?", SHANGHAI, SHANGHAI, winter)).isEqualTo("0 0 8 * * ?");
        assertThat(ReportCron.inZone("0 0 8 * * ?", SHANGHAI, ZoneId.of("UTC"), winter)).isEqualTo("0 0 0 * * ?");
        assertThat(ReportCron.inZone("0 0 8 ? * MON", SHANGHAI, ZoneId.of("Europe/Berlin"), winter)).isEqualTo("0 0 1 ? * MON");
        assertThat(ReportCron.inZone("0 0 8 ? * MON", SHANGHAI, ZoneId.of("America/New_York"), winter))
                .as("19:00 on Sunday in New York").isEqualTo("0 0 19 ? * SUN");
        assertThat(ReportCron.inZone("0 0 8 1 * ?", SHANGHAI, ZoneId.of("America/New_York"), winter))
                .as("the last day of the month before").isEqualTo("0 0 19 L * ?");
        assertThat(ReportCron.inZone("0 30 8 * * ?", SHANGHAI, ZoneId.of("Asia/Kolkata"), winter)).isEqualTo("0 0 6 * * ?");
        assertThat(ReportCron.inZone("0 0 */4 * * ?", SHANGHAI, ZoneId.of("UTC"), winter)).as("not a plain time: as written")
                .isEqualTo("0 0 */4 * * ?");
        assertThatThrownBy(() -> ReportCron.inZone("0 0 8 ? * MON-FRI", SHANGHAI, ZoneId.of("America/New_York"), winter))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("MON-FRI");
        assertThatThrownBy(() -> new ReportScheduleProperties("0 8 * *", null, null)).hasMessageContaining("6 or 7 fields");
        ReportScheduleProperties defaults = new ReportScheduleProperties(null, " ", null);
        assertThat(defaults.dailyCron()).isEqualTo("0 0 8 * * ?");
        assertThat(defaults.weeklyCron()).isEqualTo("0 0 8 ? * MON");
        assertThat(defaults.monthlyCron()).isEqualTo("0 0 8 1 * ?");
    }
}
