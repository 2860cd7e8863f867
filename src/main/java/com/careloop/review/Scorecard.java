package com.careloop.review;

import java.util.List;
import java.util.Map;

/**
 * The scorecard as the designer set it in bpmn/callReviewScorecard.dmn: the criteria (each scored 0, 1 or 2) and the
 * pass mark in percent. The total is the weighted share of the maximum (every criterion at 2), one decimal; a review
 * passes at or above the pass mark with no critical criterion at 0.
 */
public record Scorecard(List<Criterion> criteria, double passMark) {

    public static final int MAX_SCORE = 2;

    public Scorecard {
        criteria = List.copyOf(criteria);
        if (criteria.isEmpty() || criteria.stream().mapToDouble(Criterion::weight).sum() <= 0) {
            throw new IllegalStateException("bpmn/callReviewScorecard.dmn: at least one criterion with a positive weight is needed");
        }
    }

    /** The outcome of scoring: total in percent (one decimal), whether a critical criterion got 0, passed. */
    public record Result(double percent, boolean criticalFailed, boolean passed) {}

    /** Scores by criterion key, each 0 to {@value #MAX_SCORE}; every criterion must be scored. */
    public Result score(Map<String, Integer> scores) {
        double weights = 0;
        double earned = 0;
        boolean criticalFailed = false;
        for (Criterion c : criteria) {
            Integer s = scores.get(c.key());
            if (s == null || s < 0 || s > MAX_SCORE) {
                throw new IllegalArgumentException("criterion " + c.key() + " needs a score 0-" + MAX_SCORE);
            }
            weights += c.weight();
            earned += c.weight() * s / MAX_SCORE;
            criticalFailed |= c.critical() && s == 0;
        }
        double percent = Math.round(earned / weights * 1000.0) / 10.0;
        return new Result(percent, criticalFailed, !criticalFailed && percent >= passMark);
    }
}
