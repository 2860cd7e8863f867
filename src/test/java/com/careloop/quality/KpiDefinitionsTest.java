package com.careloop.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerTier;
import com.careloop.feedback.FeedbackEvent;
import com.careloop.feedback.FeedbackResult;
import com.careloop.feedback.FeedbackSource;
import com.careloop.feedback.FeedbackType;
import com.careloop.feedback.Urgency;
import com.careloop.followup.FollowUpClosed;
import com.careloop.followup.FollowUpResult;
import com.careloop.followup.Scenario;
import com.careloop.followup.SurveyAnswered;
import com.careloop.testsupport.CareLoopTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every KPI of issue #7 to the decimal, from a known set of answers, follow-ups and feedback items published as the
 * followup and feedback modules publish them (in March 2019, a month no other test touches), including the null
 * cases (no denominator) and a grouping by agent. Backlog and overdue are "now": read for the test's own team.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiDefinitionsTest extends CareLoopTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate FROM = LocalDate.of(2019, 3, 1);
    static final LocalDate TO = LocalDate.of(2019, 4, 1);
    static final String A1 = "kpi-agent-1";
    static final String A2 = "kpi-agent-2";
    static final String TEAM = "kpi-team";
    static final long ID = 9_100_000_000L;

    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;
    @Autowired QualityKpis kpis;
    @Autowired QualityKeywords keywords;
    @Autowired OpenFeedback openFeedback;

    static Instant at(int day, int hour) {
        return LocalDateTime.of(2019, 3, day, hour, 0).atZone(SHANGHAI).toInstant();
    }

    void publish(Object... all) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            for (Object e : all) {
                events.publishEvent(e);
            }
        });
    }

    SurveyAnswered survey(long n, String agent, int day, int satisfaction, int nps, Integer attitude) {
        return new SurveyAnswered(ID + n, ID + n, agent, Scenario.USAGE, CustomerTier.STANDARD, at(day, 10), satisfaction, nps,
                attitude, null, null, null, null, false, "客户说安装师傅迟到了，态度不好");
    }

    FollowUpClosed closed(long n, String agent, int day, boolean reached, boolean intent) {
        return new FollowUpClosed(ID + n, agent, Scenario.USAGE, CustomerTier.STANDARD, at(day, 11),
                reached ? FollowUpResult.COMPLETED : FollowUpResult.UNREACHABLE, reached, intent);
    }

    Object[] item(long n, String agent, Long followUp, int day, Instant responseDue, Instant resolutionDue) {
        long id = ID + 100 + n;
        return new Object[] {
            new FeedbackEvent.FeedbackOpened(id, "FBKPI" + n, at(day, 9), agent == null ? FeedbackSource.INBOUND : FeedbackSource.FOLLOW_UP_CALL,
                    FeedbackType.PROBLEM, Urgency.NORMAL, followUp == null ? null : ID + followUp, agent, CustomerTier.VIP, "热水器漏水"),
            new FeedbackEvent.FeedbackRouted(id, at(day, 9), TEAM, responseDue, resolutionDue)};
    }

    static long item(long n) {
        return ID + 100 + n;
    }

    @BeforeAll
    void knownSet() {
        // six answers: satisfaction 5 4 3 2 | 5 4, NPS 10 9 7 3 | 6 10, attitude 5 and 2
        publish(survey(1, A1, 2, 5, 10, 5), survey(2, A1, 2, 4, 9, null), survey(3, A1, 3, 3, 7, null), survey(4, A1, 3, 2, 3, 2),
                survey(5, A2, 4, 5, 6, null), survey(6, A2, 4, 4, 10, null));
        // four follow-ups closed: a1 reached with intent, reached without, not reached; a2 reached with intent
        publish(closed(1, A1, 5, true, true), closed(2, A1, 5, true, false), closed(3, A1, 5, false, false), closed(4, A2, 5, true, true));
        Instant late = at(10, 9);
        Instant far = Instant.parse("2999-01-01T00:00:00Z");
        // i1 (a1): responded and resolved on first contact in time, closed satisfied
        publish(item(1, A1, 1L, 6, at(7, 9), at(8, 9)));
        publish(new FeedbackEvent.FeedbackResponded(item(1), at(6, 12), at(7, 9), true),
                new FeedbackEvent.FeedbackResolved(item(1), at(6, 12), at(8, 9), 0),
                new FeedbackEvent.FeedbackClosed(item(1), at(7, 12), FeedbackResult.RESOLVED_SATISFIED, 0));
        // i2 (a1): late response, late resolution, reopened, resolved in time, closed unconfirmed
        publish(item(2, A1, 2L, 6, at(7, 9), at(8, 9)));
        publish(new FeedbackEvent.FeedbackResponded(item(2), late, at(7, 9), false),
                new FeedbackEvent.FeedbackResolved(item(2), late, at(8, 9), 0),
                new FeedbackEvent.FeedbackReopened(item(2), at(11, 9), at(15, 9)),
                new FeedbackEvent.FeedbackResolved(item(2), at(12, 9), at(15, 9), 0),
                new FeedbackEvent.FeedbackClosed(item(2), at(13, 9), FeedbackResult.RESOLVED_UNCONFIRMED, 1));
        // i3 (inbound): in time, closed by a manager
        publish(item(3, null, null, 6, at(7, 9), at(8, 9)));
        publish(new FeedbackEvent.FeedbackResponded(item(3), at(6, 10), at(7, 9), false),
                new FeedbackEvent.FeedbackResolved(item(3), at(6, 15), at(8, 9), 0),
                new FeedbackEvent.FeedbackClosed(item(3), at(7, 15), FeedbackResult.CLOSED_BY_MANAGER, 0));
        // i4 (inbound): still open, its response deadline passed long ago
        publish(item(4, null, null, 20, at(21, 9), at(22, 9)));
        // i5 (a2): open, responded, deadlines far ahead
        publish(item(5, A2, 4L, 20, far, far));
        publish(new FeedbackEvent.FeedbackResponded(item(5), at(20, 10), far, false));
    }

    @Test
    void totalsFollowTheDefinitions() {
        KpiValues t = kpis.report(FROM, TO, null, null, null).totals();
        assertThat(t.surveys()).isEqualTo(6);
        assertThat(t.csat()).isEqualTo(66.7);        // 4 of 6 answers 4 or 5
        assertThat(t.csatMean()).isEqualTo(3.8);     // 23 / 6
        assertThat(t.nps()).isEqualTo(16.7);         // (3 promoters - 2 detractors) / 6
        assertThat(t.reachRate()).isEqualTo(75.0);   // 3 of 4 closed follow-ups reached
        assertThat(t.leadConversion()).isEqualTo(66.7); // 2 of 3 reached with purchase intent
        assertThat(t.resolutionRate()).isEqualTo(66.7); // satisfied + unconfirmed, of 3 closed
        assertThat(t.reopenRate()).isEqualTo(33.3);  // 1 of 3 closed was reopened
        assertThat(t.fcr()).isEqualTo(25.0);         // 1 of 4 first responses resolved it
        assertThat(t.responseOnTime()).isEqualTo(75.0); // 3 of 4 responses before the deadline
        assertThat(t.resolutionOnTime()).isEqualTo(75.0); // 3 of 4 resolutions
        assertThat(t.dimensions()).containsEntry("attitude", 3.5).containsEntry("expertise", null)
                .containsEntry("timeliness", null).containsEntry("resolution", null).containsEntry("convenience", null);
    }

    @Test
    void backlogAndOverdueAreNowForTheTeam() {
        KpiValues t = kpis.report(FROM, TO, null, null, TEAM).totals();
        assertThat(t.backlog()).isEqualTo(2);
        assertThat(t.overdue()).isEqualTo(1);
        assertThat(openFeedback.open(null, TEAM)).isEqualTo(2);
        assertThat(openFeedback.overdue(null, TEAM)).isEqualTo(1);
        assertThat(openFeedback.overdue("NORMAL", TEAM)).isEqualTo(1);
        assertThat(openFeedback.overdue("URGENT", TEAM)).isZero();
        // the team's feedback KPIs; its surveys are credited to the agents' teams, not this one
        assertThat(t.surveys()).isZero();
        assertThat(t.csat()).isNull();
        assertThat(t.resolutionRate()).isEqualTo(66.7);
    }

    @Test
    void groupedByAgentEachCreditedToTheCaller() {
        KpiReport report = kpis.report(FROM, TO, KpiGrouping.AGENT, null, null);
        Map<String, KpiGroup> groups = report.groups().stream().collect(Collectors.toMap(KpiGroup::key, Function.identity()));
        assertThat(groups).containsKeys(A1, A2, Dimensions.UNSPECIFIED); // and the agents of items open now elsewhere (backlog is now)
        KpiValues a1 = groups.get(A1).kpis();
        assertThat(a1.surveys()).isEqualTo(4);
        assertThat(a1.csat()).isEqualTo(50.0);
        assertThat(a1.csatMean()).isEqualTo(3.5);
        assertThat(a1.nps()).isEqualTo(25.0);
        assertThat(a1.reachRate()).isEqualTo(66.7);
        assertThat(a1.leadConversion()).isEqualTo(50.0);
        assertThat(a1.resolutionRate()).isEqualTo(100.0);
        assertThat(a1.reopenRate()).isEqualTo(50.0);
        assertThat(a1.fcr()).isEqualTo(50.0);
        assertThat(a1.responseOnTime()).isEqualTo(50.0);
        assertThat(a1.resolutionOnTime()).isEqualTo(66.7);
        assertThat(a1.backlog()).isZero();
        KpiValues a2 = groups.get(A2).kpis();
        assertThat(a2.csat()).isEqualTo(100.0);
        assertThat(a2.nps()).isEqualTo(0.0);
        assertThat(a2.reachRate()).isEqualTo(100.0);
        assertThat(a2.resolutionRate()).as("nothing of a2's closed").isNull();
        assertThat(a2.backlog()).isEqualTo(1);
        assertThat(a2.overdue()).isZero();
        KpiValues none = groups.get(Dimensions.UNSPECIFIED).kpis();
        assertThat(groups.get(Dimensions.UNSPECIFIED).label()).isEqualTo("未指定 Unspecified");
        assertThat(none.surveys()).isZero();
        assertThat(none.csat()).isNull();
        assertThat(none.csatMean()).isNull();
        assertThat(none.nps()).isNull();
        assertThat(none.reachRate()).isNull();
        assertThat(none.leadConversion()).isNull();
        assertThat(none.resolutionRate()).isEqualTo(0.0);
        assertThat(none.fcr()).isEqualTo(0.0);
        assertThat(none.dimensions().get("attitude")).isNull();
        assertThat(kpis.report(FROM, TO, null, A1, null).totals()).as("?agent= is the agent's group").isEqualTo(a1);
    }

    @Test
    void groupedByDayAndWeekAndScenario() {
        KpiReport days = kpis.report(FROM, TO, KpiGrouping.DAY, null, null);
        KpiGroup second = days.groups().stream().filter(g -> g.key().equals("2019-03-02")).findFirst().orElseThrow();
        assertThat(second.kpis().surveys()).isEqualTo(2);
        assertThat(second.kpis().csat()).isEqualTo(100.0);
        assertThat(second.kpis().backlog()).as("backlog is now, not per day").isNull();
        KpiReport weeks = kpis.report(FROM, TO, KpiGrouping.WEEK, null, null);
        assertThat(weeks.groups()).extracting(KpiGroup::key).startsWith("2019-W09", "2019-W10");
        assertThat(weeks.groups().stream().mapToLong(g -> g.kpis().surveys()).sum()).isEqualTo(6);
        KpiReport scenarios = kpis.report(FROM, TO, KpiGrouping.SCENARIO, null, null);
        KpiGroup usage = scenarios.groups().stream().filter(g -> g.key().equals("USAGE")).findFirst().orElseThrow();
        assertThat(usage.label()).isEqualTo(Scenario.USAGE.label());
        assertThat(usage.kpis().surveys()).isEqualTo(6);
        assertThat(usage.kpis().resolutionRate()).as("the call's items take its scenario").isEqualTo(100.0);
    }

    @Test
    void twoFiltersReadTheCombinations() {
        KpiReport report = kpis.report(FROM, TO, KpiGrouping.CHANNEL, A1, TEAM);
        assertThat(report.groups()).extracting(KpiGroup::key).containsExactly("FOLLOW_UP");
        KpiValues a1Items = report.totals();
        assertThat(a1Items.surveys()).isZero();
        assertThat(a1Items.resolutionRate()).isEqualTo(100.0);
        assertThat(a1Items.reopenRate()).isEqualTo(50.0);
        assertThat(a1Items.resolutionOnTime()).isEqualTo(66.7);
        KpiReport byScenario = kpis.report(FROM, TO, KpiGrouping.SCENARIO, A1, null);
        assertThat(byScenario.groups()).extracting(KpiGroup::key).containsExactly("USAGE");
        assertThat(byScenario.totals()).isEqualTo(kpis.report(FROM, TO, null, A1, null).totals());
    }

    @Test
    void anEmptyPeriodHasNoDenominators() {
        KpiValues t = kpis.report(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 1, 2), null, null, TEAM).totals();
        assertThat(t.surveys()).isZero();
        assertThat(new Object[] {t.csat(), t.csatMean(), t.nps(), t.reachRate(), t.resolutionRate(), t.fcr(), t.responseOnTime(),
            t.resolutionOnTime(), t.reopenRate(), t.leadConversion()}).containsOnlyNulls();
        assertThat(t.dimensions().values()).containsOnlyNulls();
    }

    @Test
    void keywordsOfTheAnswersAndItems() {
        assertThat(keywords.top(FROM, TO, 50)).extracting(QualityKeywords.KeywordCount::keyword, QualityKeywords.KeywordCount::count)
                .contains(org.assertj.core.groups.Tuple.tuple("安装", 6L), org.assertj.core.groups.Tuple.tuple("迟到", 6L),
                        org.assertj.core.groups.Tuple.tuple("漏水", 5L));
        assertThat(keywords.top(FROM, TO, 2)).hasSize(2).allSatisfy(k -> assertThat(k.count()).isEqualTo(6L));
        assertThat(keywords.top(FROM, TO, 50)).extracting(QualityKeywords.KeywordCount::keyword)
                .contains("漏水", "热水器", "态度").as("stop words").doesNotContain("客户", "了", "说");
    }
}
