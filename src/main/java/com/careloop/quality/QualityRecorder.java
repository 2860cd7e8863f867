package com.careloop.quality;

import com.careloop.feedback.FeedbackEvent;
import com.careloop.feedback.FeedbackResult;
import com.careloop.feedback.LeadOutcome;
import com.careloop.followup.FollowUpClosed;
import com.careloop.followup.SurveyAnswered;
import com.careloop.sla.WorkCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps quality's read model from the followup and feedback modules' events, synchronously in the transaction that
 * published them (written at its commit): the KPI counters of the day (Asia/Shanghai, the work calendar's zone) the answer or event was
 * recorded, the items open now, keyword tags. So a crash loses nothing that was committed, and a rolled-back
 * write leaves no count behind. The same translation serves the one-off replay of existing rows
 * ({@link QualityBackfill}).
 */
@Component
class QualityRecorder {

    static final String SURVEY = "SURVEY";
    static final String FEEDBACK = "FEEDBACK";

    private final QualityStore store;
    private final AgentTeams teams;
    private final KeywordExtractor keywords;
    private final ZoneId zone;

    QualityRecorder(QualityStore store, AgentTeams teams, KeywordExtractor keywords, WorkCalendar calendar) {
        this.store = store;
        this.teams = teams;
        this.keywords = keywords;
        this.zone = calendar.zone();
    }

    @EventListener
    public void on(SurveyAnswered e) {
        live(r -> record(r, e));
    }

    @EventListener
    public void on(FollowUpClosed e) {
        live(r -> record(r, e));
    }

    @EventListener
    public void on(FeedbackEvent e) {
        live(r -> record(r, e));
    }

    /**
     * Records into the transaction's one {@link Recording}, written just before the transaction commits (all rows of
     * the transaction at once, in key order: two transactions never lock the same rollup rows in opposite orders, and
     * the rows are locked only while committing). Without a transaction, written at once.
     */
    private void live(java.util.function.Consumer<Recording> what) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            Recording r = new Recording();
            what.accept(r);
            store.write(r);
            return;
        }
        Pending pending = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(Pending.class::isInstance).map(Pending.class::cast).findFirst().orElse(null);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        Recording r = pending.recording;
        what.accept(r);
    }

    /** The transaction's recording (synchronizations are per transaction, suspended with it). */
    private final class Pending implements TransactionSynchronization {
        final Recording recording = new Recording();

        @Override
        public void beforeCommit(boolean readOnly) {
            store.write(recording);
        }
    }

    LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    void record(Recording r, SurveyAnswered e) {
        String team = teams.teamOf(e.agent());
        Dimensions d = new Dimensions(e.agent(), team, e.scenario().name(), null, Dimensions.answerChannel(e.channel()),
                e.tier() == null ? null : e.tier().name());
        LocalDate day = day(e.answeredAt());
        r.add(day, d, Counter.SURVEYS, 1);
        r.add(day, d, Counter.SAT_N, 1);
        r.add(day, d, Counter.SAT_POS, e.satisfaction() >= 4);
        r.add(day, d, Counter.SAT_SUM, e.satisfaction());
        r.add(day, d, Counter.NPS_N, 1);
        r.add(day, d, Counter.NPS_PRO, e.nps() >= 9);
        r.add(day, d, Counter.NPS_DET, e.nps() <= 6);
        score(r, day, d, Counter.ATT_N, Counter.ATT_SUM, e.scoreAttitude());
        score(r, day, d, Counter.EXP_N, Counter.EXP_SUM, e.scoreExpertise());
        score(r, day, d, Counter.TIM_N, Counter.TIM_SUM, e.scoreTimeliness());
        score(r, day, d, Counter.RES_N, Counter.RES_SUM, e.scoreResolution());
        score(r, day, d, Counter.CON_N, Counter.CON_SUM, e.scoreConvenience());
        r.newFollowUps.put(e.followUpId(), new Recording.FollowUpFacts(e.followUpId(), d.agent(), d.team(), d.scenario(), d.tier()));
        r.tag(SURVEY, e.surveyId(), day, keywords.extract(e.text()));
    }

    private static void score(Recording r, LocalDate day, Dimensions d, Counter n, Counter sum, Integer score) {
        if (score != null) {
            r.add(day, d, n, 1);
            r.add(day, d, sum, score);
        }
    }

    void record(Recording r, FollowUpClosed e) {
        Dimensions d = new Dimensions(e.agent(), teams.teamOf(e.agent()), e.scenario().name(), null, Dimensions.FOLLOW_UP,
                e.tier() == null ? null : e.tier().name());
        LocalDate day = day(e.closedAt());
        r.add(day, d, Counter.FU_CLOSED, 1);
        r.add(day, d, Counter.FU_REACHED, e.reached());
        r.add(day, d, Counter.FU_INTENT, e.reached() && e.purchaseIntent());
    }

    void record(Recording r, FeedbackEvent event) {
        LocalDate day = day(event.at());
        if (event instanceof FeedbackEvent.FeedbackOpened e) {
            String scenario = null;
            if (e.followUpId() != null) {
                Recording.FollowUpFacts f = r.newFollowUps.get(e.followUpId());
                if (f == null) {
                    f = store.followUp(e.followUpId()).orElse(null);
                }
                scenario = f == null ? null : f.scenario();
            }
            Recording.Item i = new Recording.Item(e.itemId());
            i.dims = new Dimensions(e.agent(), null, scenario, null, e.channel().name(), e.tier() == null ? null : e.tier().name());
            i.type = e.type().name();
            i.urgency = e.urgency().name();
            i.open = true;
            r.items.put(i.id, i);
            r.add(day, i.dims, Counter.FB_OPENED, 1);
            r.tag(FEEDBACK, e.itemId(), day, keywords.extract(e.description()));
            return;
        }
        Recording.Item i = item(r, event.itemId());
        if (i == null) {
            return; // opened before quality recorded anything and not replayed yet: the backfill counts it
        }
        Dimensions d = i.dims;
        if (event instanceof FeedbackEvent.FeedbackRouted e) {
            i.dims = d.withTeam(e.department());
            i.responseDue = e.responseDueAt();
            i.resolutionDue = e.resolutionDueAt();
        } else if (event instanceof FeedbackEvent.FeedbackResponded e) {
            r.add(day, d, Counter.FB_RESPONDED, 1);
            r.add(day, d, Counter.FB_FCR, e.resolvedOnFirstContact());
            r.add(day, d, Counter.RESP_N, 1);
            r.add(day, d, Counter.RESP_ON_TIME, onTime(e.at(), e.responseDueAt()));
            i.responded = true;
        } else if (event instanceof FeedbackEvent.FeedbackResolved e) {
            r.add(day, d, Counter.RESOL_N, 1);
            r.add(day, d, Counter.RESOL_ON_TIME, onTime(e.at(), e.resolutionDueAt()));
            r.add(day, d, Counter.PAUSED_N, e.pausedMinutes() > 0);
            r.add(day, d, Counter.PAUSED_MIN, e.pausedMinutes());
            i.resolved = true;
        } else if (event instanceof FeedbackEvent.FeedbackReopened e) {
            i.resolved = false;
            i.resolutionDue = e.resolutionDueAt();
        } else if (event instanceof FeedbackEvent.FeedbackLeadOutcome e) {
            r.add(day, d, Counter.LEAD_N, 1);
            r.add(day, d, Counter.LEAD_WON, e.outcome() == LeadOutcome.WON);
            r.add(day, d, Counter.LEAD_QUOTED, e.outcome().quoted());
        } else if (event instanceof FeedbackEvent.FeedbackClosed e) {
            // invalid and merged items were never handled: not in the resolution or reopen rate (nor their denominator)
            if (e.result() != FeedbackResult.INVALID && e.result() != FeedbackResult.MERGED) {
                r.add(day, d, Counter.FB_CLOSED, 1);
                r.add(day, d, Counter.FB_RESOLVED, e.result() == FeedbackResult.RESOLVED_SATISFIED || e.result() == FeedbackResult.RESOLVED_UNCONFIRMED);
                r.add(day, d, Counter.FB_REOPENED, e.reopenCount() > 0);
            }
            i.open = false;
        }
        i.dirty = true;
    }

    /** Recorded before (or at) its deadline; nothing to be late against counts as on time. */
    static boolean onTime(Instant at, Instant due) {
        return due == null || !at.isAfter(due);
    }

    private Recording.Item item(Recording r, long id) {
        Recording.Item i = r.items.get(id);
        if (i == null) {
            i = store.item(id);
            if (i != null) {
                r.items.put(id, i);
            }
        }
        return i;
    }
}
