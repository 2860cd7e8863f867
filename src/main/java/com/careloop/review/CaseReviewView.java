package com.careloop.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A team's weekly case review (seed 004): the week, the team, the picked cases, and the conclusions once recorded. */
public record CaseReviewView(long id, LocalDate weekFrom, String team, String status, Instant openedAt, String conclusions,
                             String closedBy, Instant closedAt, List<Case> cases) {

    /** One picked call: BEST or WORST, its place (1 = best of the best / worst of the worst) and its case score. */
    public record Case(String followUpNumber, String agent, String kind, int place, double caseScore) {}
}
