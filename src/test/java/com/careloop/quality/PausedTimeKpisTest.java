package com.careloop.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerTier;
import com.careloop.feedback.FeedbackChannel;
import com.careloop.feedback.FeedbackEvent;
import com.careloop.feedback.FeedbackSource;
import com.careloop.feedback.FeedbackType;
import com.careloop.feedback.Urgency;
import com.careloop.testsupport.CareLoopTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 9, SLA pause in the KPIs, from known events in September 2018 (a month no other test touches) for a team of
 * the test's own: resolution on time is measured against the deadline the pause moved (what the resolved event
 * carries); the paused time is reported apart — share of resolved items that were paused, mean paused minutes of those.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PausedTimeKpisTest extends CareLoopTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String TEAM = "kpi-pause-team";
    static final long ID = 9_300_000_000L;

    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;
    @Autowired QualityKpis kpis;

    static Instant at(int day) {
        return LocalDateTime.of(2018, 9, day, 10, 0).atZone(SHANGHAI).toInstant();
    }

    void publish(Object... all) {
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            for (Object e : all) {
                events.publishEvent(e);
            }
        });
    }

    /** Item n routed with resolution due on day 10, resolved on the given day with its (moved) deadline and paused minutes. */
    void resolved(long n, int resolvedDay, int dueDay, long pausedMinutes) {
        publish(new FeedbackEvent.FeedbackOpened(ID + n, "FBPAUSE" + n, at(3), FeedbackSource.INBOUND, FeedbackType.PROBLEM,
                        Urgency.NORMAL, null, null, CustomerTier.STANDARD, "等待配件", FeedbackChannel.HOTLINE, null, null),
                new FeedbackEvent.FeedbackRouted(ID + n, at(3), TEAM, at(4), at(10)),
                new FeedbackEvent.FeedbackResolved(ID + n, at(resolvedDay), at(dueDay), pausedMinutes));
    }

    @BeforeAll
    void knownSet() {
        resolved(1, 8, 10, 0);            // on time, never paused
        resolved(2, 12, 13, 600);         // after the first deadline, on time against the one the pause moved
        resolved(3, 15, 14, 1_200);       // late even against the moved deadline
        resolved(4, 12, 10, 0);           // late, never paused
    }

    @Test
    void onTimeAgainstTheMovedDeadlineAndPausedTimeApart() {
        KpiValues t = kpis.report(LocalDate.of(2018, 9, 1), LocalDate.of(2018, 10, 1), null, null, TEAM).totals();
        assertThat(t.resolutionOnTime()).as("items 1 and 2 of 4").isEqualTo(50.0);
        assertThat(t.pausedShare()).as("2 of 4 resolved items were paused").isEqualTo(50.0);
        assertThat(t.pausedMinutesMean()).as("(600 + 1,200) / 2").isEqualTo(900.0);
        KpiValues none = kpis.report(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 1, 2), null, null, TEAM).totals();
        assertThat(none.pausedShare()).isNull();
        assertThat(none.pausedMinutesMean()).isNull();
    }
}
