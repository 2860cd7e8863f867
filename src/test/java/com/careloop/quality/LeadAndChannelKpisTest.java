package com.careloop.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerTier;
import com.careloop.feedback.FeedbackChannel;
import com.careloop.feedback.FeedbackEvent;
import com.careloop.feedback.FeedbackResult;
import com.careloop.feedback.FeedbackSource;
import com.careloop.feedback.FeedbackType;
import com.careloop.feedback.LeadOutcome;
import com.careloop.feedback.Urgency;
import com.careloop.testsupport.CareLoopTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 9 in quality's KPIs, from a known set of feedback events in July 2018 (a month no other test touches) for a
 * team of the test's own: the channel dimension is the feedback channel (HOTLINE … APP, FOLLOW_UP); invalid and merged
 * items are not in the resolution rate's denominator (nor the reopen rate's); lead win rate = won ÷ leads with an
 * outcome, quoted share = (quoted + won) ÷ leads with an outcome.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadAndChannelKpisTest extends CareLoopTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate FROM = LocalDate.of(2018, 7, 1);
    static final LocalDate TO = LocalDate.of(2018, 8, 1);
    static final String TEAM = "kpi-lead-team";
    static final long ID = 9_200_000_000L;

    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;
    @Autowired QualityKpis kpis;

    static Instant at(int day) {
        return LocalDateTime.of(2018, 7, day, 10, 0).atZone(SHANGHAI).toInstant();
    }

    void publish(Object... all) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            for (Object e : all) {
                events.publishEvent(e);
            }
        });
    }

    /** Item n opened on the given channel (inbound, or FOLLOW_UP from a call) and routed to the test's team. */
    void item(long n, FeedbackChannel channel, FeedbackType type) {
        boolean call = channel == FeedbackChannel.FOLLOW_UP;
        publish(new FeedbackEvent.FeedbackOpened(ID + n, "FBLEAD" + n, at(2), call ? FeedbackSource.FOLLOW_UP_CALL : FeedbackSource.INBOUND,
                        type, Urgency.NORMAL, null, call ? "kpi-lead-agent" : null, CustomerTier.STANDARD, "想买空调", channel, null, null),
                new FeedbackEvent.FeedbackRouted(ID + n, at(2), TEAM, at(20), at(25)));
    }

    void closed(long n, FeedbackResult result, int reopenCount) {
        publish(new FeedbackEvent.FeedbackClosed(ID + n, at(5), result, reopenCount));
    }

    void lead(long n, LeadOutcome outcome) {
        publish(new FeedbackEvent.FeedbackResolved(ID + n, at(4), at(25), 0),
                new FeedbackEvent.FeedbackLeadOutcome(ID + n, at(4), outcome, outcome == LeadOutcome.WON ? new BigDecimal("9800.00") : null));
    }

    @BeforeAll
    void knownSet() {
        // complaints: hotline resolved, WeChat resolved after a reopening, app closed by a manager, e-mail invalid,
        // store merged — the last two were never handled
        item(1, FeedbackChannel.HOTLINE, FeedbackType.COMPLAINT);
        closed(1, FeedbackResult.RESOLVED_SATISFIED, 0);
        item(2, FeedbackChannel.WECHAT, FeedbackType.COMPLAINT);
        closed(2, FeedbackResult.RESOLVED_UNCONFIRMED, 1);
        item(3, FeedbackChannel.APP, FeedbackType.COMPLAINT);
        closed(3, FeedbackResult.CLOSED_BY_MANAGER, 0);
        item(4, FeedbackChannel.EMAIL, FeedbackType.COMPLAINT);
        closed(4, FeedbackResult.INVALID, 0);
        item(5, FeedbackChannel.STORE, FeedbackType.COMPLAINT);
        closed(5, FeedbackResult.MERGED, 0);
        // five sales leads: won, won, quoted, not interested, lost (online chat and the follow-up call)
        item(11, FeedbackChannel.ONLINE_CHAT, FeedbackType.SALES_LEAD);
        lead(11, LeadOutcome.WON);
        item(12, FeedbackChannel.ONLINE_CHAT, FeedbackType.SALES_LEAD);
        lead(12, LeadOutcome.WON);
        item(13, FeedbackChannel.ONLINE_CHAT, FeedbackType.SALES_LEAD);
        lead(13, LeadOutcome.QUOTED);
        item(14, FeedbackChannel.FOLLOW_UP, FeedbackType.SALES_LEAD);
        lead(14, LeadOutcome.CONTACTED_NOT_INTERESTED);
        item(15, FeedbackChannel.FOLLOW_UP, FeedbackType.SALES_LEAD);
        lead(15, LeadOutcome.LOST);
    }

    @Test
    void invalidAndMergedItemsAreNotInTheResolutionRate() {
        KpiValues t = kpis.report(FROM, TO, null, null, TEAM).totals();
        assertThat(t.resolutionRate()).as("2 resolved of 3 handled (invalid, merged left out)").isEqualTo(66.7);
        assertThat(t.reopenRate()).as("1 of 3 handled").isEqualTo(33.3);
    }

    @Test
    void leadWinRateAndQuotedShare() {
        KpiValues t = kpis.report(FROM, TO, null, null, TEAM).totals();
        assertThat(t.leadWinRate()).as("2 won of 5 leads with an outcome").isEqualTo(40.0);
        assertThat(t.leadQuotedShare()).as("2 won + 1 quoted of 5").isEqualTo(60.0);
        KpiValues none = kpis.report(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 1, 2), null, null, TEAM).totals();
        assertThat(none.leadWinRate()).isNull();
        assertThat(none.leadQuotedShare()).isNull();
    }

    @Test
    void theChannelDimensionIsTheFeedbackChannel() {
        KpiReport report = kpis.report(FROM, TO, KpiGrouping.CHANNEL, null, TEAM);
        Map<String, KpiGroup> byKey = report.groups().stream().collect(Collectors.toMap(KpiGroup::key, g -> g));
        // the invalid (EMAIL) and merged (STORE) items count nothing for the team: opened before routing, never closed as handled
        assertThat(byKey.keySet()).containsExactlyInAnyOrder("HOTLINE", "WECHAT", "APP", "ONLINE_CHAT", "FOLLOW_UP");
        assertThat(byKey.get("HOTLINE").label()).isEqualTo(FeedbackChannel.HOTLINE.label());
        assertThat(byKey.get("FOLLOW_UP").label()).isEqualTo(FeedbackChannel.FOLLOW_UP.label());
        assertThat(byKey.get("ONLINE_CHAT").kpis().leadWinRate()).as("2 of 3 online-chat leads won").isEqualTo(66.7);
        assertThat(byKey.get("FOLLOW_UP").kpis().leadWinRate()).isEqualTo(0.0);
        KpiReport all = kpis.report(FROM, TO, KpiGrouping.CHANNEL, null, null);
        assertThat(all.groups()).extracting(KpiGroup::key).contains("EMAIL", "STORE").doesNotContain("INBOUND", "FOLLOW_UP_CALL");
        assertThat(all.groups().stream().filter(g -> g.key().equals("EMAIL")).findFirst().orElseThrow().kpis().resolutionRate())
                .as("only an invalid item: no denominator").isNull();
        assertThat(byKey.get("WECHAT").kpis().resolutionRate()).isEqualTo(100.0);
    }
}
