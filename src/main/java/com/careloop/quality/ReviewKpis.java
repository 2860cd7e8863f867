package com.careloop.quality;

import com.careloop.review.ReviewFigures;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Joins the call-review figures (module review, issue 15) to a KPI report: {@code qaScore}, the mean total of the
 * reviews scored in the period (weighted by count), and {@code reviews}, how many — for the totals (with the report's
 * agent / team filter) and for each group of a report grouped by agent or team. Calibration scores are not reviews
 * and never count.
 */
@Component
class ReviewKpis {

    private final ReviewFigures figures;
    private final Clock clock;

    ReviewKpis(ReviewFigures figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    KpiReport join(KpiReport report, String agent, String team) {
        List<ReviewFigures.Figure> all = figures.between(start(report.from()), start(report.to())).stream()
                .filter(f -> agent == null || agent.equals(f.agent())).filter(f -> team == null || team.equals(f.team())).toList();
        KpiValues totals = with(report.totals(), all);
        List<KpiGroup> groups = report.groups();
        if (report.groupBy() == KpiGrouping.AGENT || report.groupBy() == KpiGrouping.TEAM) {
            groups = new ArrayList<>();
            for (KpiGroup g : report.groups()) {
                List<ReviewFigures.Figure> own = all.stream()
                        .filter(f -> g.key().equals(report.groupBy() == KpiGrouping.AGENT ? f.agent() : f.team())).toList();
                groups.add(new KpiGroup(g.key(), g.label(), with(g.kpis(), own)));
            }
        }
        return new KpiReport(report.from(), report.to(), report.groupBy(), totals, groups);
    }

    private static KpiValues with(KpiValues kpis, List<ReviewFigures.Figure> figures) {
        long n = figures.stream().mapToLong(ReviewFigures.Figure::reviews).sum();
        if (n == 0) {
            return kpis.withReviews(null, 0L);
        }
        double sum = figures.stream().mapToDouble(f -> f.qaScore() * f.reviews()).sum();
        return kpis.withReviews(Math.round(sum / n * 10.0) / 10.0, n);
    }

    private java.time.Instant start(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toInstant();
    }
}
