package com.careloop.review;

import com.careloop.engine.LatestDecision;
import com.careloop.errors.NotFoundException;
import com.careloop.followup.ReachedCalls;
import com.careloop.followup.ReachedCalls.ReachedCall;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The call reviews: the weekly sample (bpmn/callReviewSampling.dmn) with one callReviewCase per sampled call, and the
 * steps of a review — scored, answered by the agent, decided on appeal. Only this module writes the review tables.
 */
@Service
public class CallReviews {

    private static final Logger log = LoggerFactory.getLogger(CallReviews.class);

    private final ReachedCalls calls;
    private final ReviewStore store;
    private final ReviewTeams teams;
    private final RuntimeService runtime;
    private final LatestDecision<SamplingRules> sampling;
    private final Clock clock;

    CallReviews(ReachedCalls calls, ReviewStore store, ReviewTeams teams, RuntimeService runtime, RepositoryService repository,
                IdentityService identity, Clock clock) {
        this.calls = calls;
        this.store = store;
        this.teams = teams;
        this.runtime = runtime;
        this.sampling = new LatestDecision<>(repository, identity, SamplingRules.SIZE, (xml, def) -> SamplingRules.parse(xml));
        this.clock = clock;
    }

    /**
     * Samples the calls answered in the week from {@code weekFrom} (Monday, in the clock's zone) for seven days and starts a
     * callReviewCase for each newly sampled one. Returns how many were sampled now (a call sampled before is not again).
     */
    @Transactional
    public int sampleWeek(LocalDate weekFrom) {
        ZoneId zone = clock.getZone();
        Instant from = weekFrom.atStartOfDay(zone).toInstant();
        Instant to = weekFrom.plusDays(7).atStartOfDay(zone).toInstant();
        List<ReachedCall> week = calls.answeredBetween(from, to);
        Set<Long> reviewed = store.reviewedAmong(week.stream().map(ReachedCall::followUpId).toList());
        List<Sample> chosen = Sampler.sample(week, reviewed, store.randomSampled(weekFrom), sampling.get(),
                weekFrom.toEpochDay());
        Instant now = clock.instant();
        for (Sample s : chosen) {
            long id = store.insert(s, teams.teamOf(s.call().agent()), weekFrom, now);
            String pi = runtime.startProcessInstanceByKey(ReviewVariables.CASE_PROCESS, s.call().number(),
                    Map.of(ReviewVariables.REVIEW_ID, id, ReviewVariables.AGENT, s.call().agent())).getId();
            store.processInstance(id, pi);
        }
        log.info("call review sample of the week from {}: {} reached calls, {} sampled", weekFrom, week.size(), chosen.size());
        return chosen.size();
    }

    @Transactional(readOnly = true)
    public ReviewView get(long id) {
        return store.byId(id).orElseThrow(() -> new NotFoundException("call review", String.valueOf(id)));
    }

    /** Reviews matching the filters (null = any), newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<ReviewView> find(String agent, String team, Instant from, Instant to, ReviewStatus status, int limit) {
        return store.find(agent, team, from, to, status, limit);
    }

    /** Scores as the form gave them, with the criteria's labels, weights and critical flags. */
    static List<ReviewView.Score> lines(Scorecard card, Map<String, Integer> scores, Map<String, String> comments) {
        List<ReviewView.Score> lines = new ArrayList<>();
        for (Criterion c : card.criteria()) {
            lines.add(new ReviewView.Score(c.key(), c.label(), scores.get(c.key()), c.weight(), c.critical(), comments.get(c.key())));
        }
        return lines;
    }

    @Transactional
    public void scored(long id, String reviewer, Scorecard card, Map<String, Integer> scores, Map<String, String> comments) {
        store.scored(id, reviewer, card.score(scores), lines(card, scores, comments), clock.instant());
    }

    @Transactional
    public void acknowledged(long id, String reason) {
        store.answered(id, ReviewStatus.ACKNOWLEDGED, reason, clock.instant());
    }

    @Transactional
    public void appealed(long id, String reason) {
        store.answered(id, ReviewStatus.APPEALED, reason, clock.instant());
    }

    @Transactional
    public void upheld(long id, String manager, String reason) {
        store.upheld(id, manager, reason, clock.instant());
    }

    @Transactional
    public void amended(long id, String manager, String reason, Scorecard card, Map<String, Integer> scores, Map<String, String> comments) {
        store.amended(id, manager, reason, card.score(scores), lines(card, scores, comments), clock.instant());
    }
}
