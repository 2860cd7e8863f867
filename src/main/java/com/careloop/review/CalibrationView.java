package com.careloop.review;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A calibration as its reader may see it: who scores and who has submitted; the scores only once every named
 * supervisor has submitted (before that, a supervisor sees only their own) — then each score, the spread per
 * criterion (highest minus lowest of the supervisors' scores) and the manager's reference score.
 */
public record CalibrationView(long id, String followUpNumber, String agent, String startedBy, Instant startedAt, String status,
                              Instant completedAt, List<Scorer> scorers, Map<String, Spread> spread) {

    /** One scorer; {@code scores} null while hidden from the reader. */
    public record Scorer(String scorer, boolean reference, Instant submittedAt, Double scorePercent, Map<String, Integer> scores,
                         Map<String, String> comments) {}

    /** The supervisors' lowest and highest score of one criterion and the difference. */
    public record Spread(int min, int max, int spread) {}
}
