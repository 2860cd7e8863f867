package com.careloop.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.followup.Scenario;
import com.careloop.sla.WorkCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Due dates spread by capacity, period keys, and the nightly cron shifted into the server's zone. */
class ScreeningPlanningTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final WorkCalendar CALENDAR = new WorkCalendar(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(18, 0),
            Map.of(LocalDate.of(2026, 10, 1), WorkCalendar.DayKind.HOLIDAY), Set.of(2026));
    static final Instant MONDAY_10 = LocalDate.of(2026, 3, 2).atTime(10, 0).atZone(SHANGHAI).toInstant();

    static LocalDate day(Instant i) {
        return i.atZone(SHANGHAI).toLocalDate();
    }

    @Test
    void withoutCapacityEveryCallIsDueOnItsDay() {
        DueDatePlanner planner = new DueDatePlanner(CALENDAR, MONDAY_10, 0, 0);
        for (int i = 0; i < 100; i++) {
            assertThat(day(planner.due(2, "agent1"))).isEqualTo(LocalDate.of(2026, 3, 4));
        }
    }

    @Test
    void anAgentsDailyCapacitySpillsOverToTheNextWorkingDays() {
        DueDatePlanner planner = new DueDatePlanner(CALENDAR, MONDAY_10, 2, 0);
        Map<LocalDate, Integer> perDay = new HashMap<>();
        for (int i = 0; i < 7; i++) {
            perDay.merge(day(planner.due(4, "agent1")), 1, Integer::sum);
        }
        // due Friday 6 March; two a day: Fri, Mon, Tue, Wed(1) — never a weekend
        assertThat(perDay).containsOnly(Map.entry(LocalDate.of(2026, 3, 6), 2), Map.entry(LocalDate.of(2026, 3, 9), 2),
                Map.entry(LocalDate.of(2026, 3, 10), 2), Map.entry(LocalDate.of(2026, 3, 11), 1));
        assertThat(day(planner.due(4, "agent2"))).as("each agent has their own capacity").isEqualTo(LocalDate.of(2026, 3, 6));
        assertThat(day(planner.due(4, null))).as("the pool is unlimited here").isEqualTo(LocalDate.of(2026, 3, 6));
    }

    @Test
    void periodsMakeOneFollowUpPerReason() {
        LocalDate asOf = LocalDate.of(2026, 11, 24);
        Instant resolved = LocalDate.of(2026, 11, 22).atTime(15, 0).atZone(SHANGHAI).toInstant();
        assertThat(ScreeningPeriods.periodKey(Scenario.POST_RESOLUTION, asOf, SHANGHAI, null, null, resolved)).isEqualTo("R2026-11-22");
        assertThat(ScreeningPeriods.periodKey(Scenario.VIP_CARE, asOf, SHANGHAI, null, null, null)).isEqualTo("M2026-11");
        assertThat(ScreeningPeriods.periodKey(Scenario.CHURN_RISK, asOf, SHANGHAI, null, null, null)).isEqualTo("Q2026-4");
        assertThat(ScreeningPeriods.campaignKey(" 双十一 ")).isEqualTo("C双十一");
        assertThat(ScreeningPeriods.campaignKey("x".repeat(100))).hasSize(64);
    }

    @Test
    void theNightlyCronIsMeantInShanghaiTime() {
        Instant winter = Instant.parse("2026-01-15T00:00:00Z");
        assertThat(ScreeningSchedule.inZone("0 0 2 * * ?", SHANGHAI, ZoneId.of("UTC"), winter)).isEqualTo("0 0 18 * * ?");
        assertThat(ScreeningSchedule.inZone("0 0 2 * * ?", SHANGHAI, SHANGHAI, winter)).isEqualTo("0 0 2 * * ?");
        assertThat(ScreeningSchedule.inZone("0 30 9 * * ?", SHANGHAI, ZoneId.of("Europe/Berlin"), winter)).isEqualTo("0 30 2 * * ?");
        assertThat(ScreeningSchedule.inZone("0 0 */4 * * ?", SHANGHAI, ZoneId.of("UTC"), winter)).as("not a plain hour: as written")
                .isEqualTo("0 0 */4 * * ?");
    }
}
