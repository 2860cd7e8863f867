package com.careloop.review;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review figures the quality module joins to its KPIs (issue 15): per agent and team, the reviews scored in a
 * period and their mean total ({@code qaScore}, percent). Calibrations are not reviews and never count here.
 */
@Service
public class ReviewFigures {

    /** The scored reviews of one agent in one team: how many, and their mean total in percent (one decimal). */
    public record Figure(String agent, String team, long reviews, double qaScore) {}

    private final ReviewStore store;

    ReviewFigures(ReviewStore store) {
        this.store = store;
    }

    /** Reviews scored in [from, to), per agent and team. */
    @Transactional(readOnly = true)
    public List<Figure> between(Instant from, Instant to) {
        return store.figures(from, to);
    }
}
