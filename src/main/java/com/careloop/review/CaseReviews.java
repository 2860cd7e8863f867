package com.careloop.review;

import com.careloop.errors.NotFoundException;
import com.careloop.followup.ReachedCalls;
import com.careloop.followup.ReachedCalls.ReachedCall;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weekly case review of seed 004 (步骤三): per team, the week's {@value #PICKS} best and {@value #PICKS} worst reached
 * calls by their case score — the mean of satisfaction × 20, NPS × 10 and, for a reviewed call, the review total (all
 * percentages) — for the team's meeting; closed by recording its conclusions.
 */
@Service
public class CaseReviews {

    static final int PICKS = 3;

    private final ReachedCalls calls;
    private final ReviewStore reviews;
    private final CaseReviewStore store;
    private final ReviewTeams teams;
    private final Clock clock;

    CaseReviews(ReachedCalls calls, ReviewStore reviews, CaseReviewStore store, ReviewTeams teams, Clock clock) {
        this.calls = calls;
        this.reviews = reviews;
        this.store = store;
        this.teams = teams;
        this.clock = clock;
    }

    /** Opens one case review per team with calls in the week (none again for a team that has one): their ids. */
    @Transactional
    public List<Long> open(LocalDate weekFrom) {
        Instant from = weekFrom.atStartOfDay(clock.getZone()).toInstant();
        Instant to = weekFrom.plusDays(7).atStartOfDay(clock.getZone()).toInstant();
        List<ReachedCall> week = calls.answeredBetween(from, to);
        Map<Long, Double> reviewed = reviews.percentOf(week.stream().map(ReachedCall::followUpId).toList());
        Map<String, String> teamOfAgent = new HashMap<>();
        Map<String, List<ReachedCall>> byTeam = new TreeMap<>();
        for (ReachedCall c : week) {
            String team = teamOfAgent.computeIfAbsent(c.agent(), teams::teamOf);
            byTeam.computeIfAbsent(team, t -> new ArrayList<>()).add(c);
        }
        List<Long> opened = new ArrayList<>();
        Instant now = clock.instant();
        byTeam.forEach((team, own) -> {
            if (store.exists(weekFrom, team)) {
                return;
            }
            List<ReachedCall> ranked = new ArrayList<>(own);
            ranked.sort(Comparator.comparingDouble((ReachedCall c) -> -score(c, reviewed.get(c.followUpId())))
                    .thenComparingLong(ReachedCall::followUpId));
            int best = Math.min(PICKS, ranked.size());
            int worst = Math.min(PICKS, ranked.size() - best);
            List<CaseReviewView.Case> cases = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < best; i++) {
                ReachedCall c = ranked.get(i);
                cases.add(new CaseReviewView.Case(c.number(), c.agent(), "BEST", i + 1, score(c, reviewed.get(c.followUpId()))));
                ids.add(c.followUpId());
            }
            for (int i = 0; i < worst; i++) {
                ReachedCall c = ranked.get(ranked.size() - 1 - i);
                cases.add(new CaseReviewView.Case(c.number(), c.agent(), "WORST", i + 1, score(c, reviewed.get(c.followUpId()))));
                ids.add(c.followUpId());
            }
            opened.add(store.insert(weekFrom, team, cases, ids, now));
        });
        return opened;
    }

    /** The case score: mean of satisfaction × 20, NPS × 10 and the review total when there is one; one decimal. */
    static double score(ReachedCall c, Double reviewPercent) {
        double sum = c.satisfaction() * 20.0 + c.nps() * 10.0;
        int n = 2;
        if (reviewPercent != null) {
            sum += reviewPercent;
            n++;
        }
        return Math.round(sum / n * 10.0) / 10.0;
    }

    @Transactional(readOnly = true)
    public CaseReviewView get(long id) {
        return store.byId(id).orElseThrow(() -> new NotFoundException("case review", String.valueOf(id)));
    }

    @Transactional
    public void close(long id, String conclusions, String by) {
        store.closed(id, conclusions, by, clock.instant());
    }
}
