package com.careloop.quality;

import java.util.Map;

/**
 * Every KPI of one period (or one group of it), as defined in issue #7. Percentages have one decimal; a KPI with no
 * denominator is {@code null}. {@code backlog} and {@code overdue} are "now" and ignore the period.
 * {@code dimensions}: mean of each dimension score, keys attitude, expertise, timeliness, resolution, convenience.
 * {@code leadConversion}: reached follow-up calls with purchase intent; {@code leadWinRate}: sales leads won of the
 * sales leads whose outcome was recorded (CONTACTED_NOT_INTERESTED, QUOTED, WON, LOST) in the period;
 * {@code leadQuotedShare}: of those, the leads that got a quote (QUOTED or WON).
 * {@code resolutionRate} and {@code reopenRate} count closed items that were handled: CLOSED_INVALID and MERGED items
 * are in neither numerator nor denominator. {@code resolutionOnTime} measures against the deadline moved by SLA pauses;
 * the paused time itself is reported apart: {@code pausedShare}, the resolved items whose SLA clock was paused, and
 * {@code pausedMinutesMean}, the mean paused time (minutes on the item's SLA clock) of those items.
 * {@code qaScore} and {@code reviews} (issue 15): the call reviews scored in the period — their mean total in percent
 * and how many (module review's {@code ReviewFigures}; calibrations never count); null when the report does not
 * split that way (filled for the totals and the agent and team groups).
 */
public record KpiValues(
        long surveys,
        Double csat,
        Double csatMean,
        Double nps,
        Double reachRate,
        Double resolutionRate,
        Double fcr,
        Double responseOnTime,
        Double resolutionOnTime,
        Double reopenRate,
        Double leadConversion,
        Long backlog,
        Long overdue,
        Map<String, Double> dimensions,
        Double leadWinRate,
        Double leadQuotedShare,
        Double pausedShare,
        Double pausedMinutesMean,
        Double qaScore,
        Long reviews) {

    /** Without the call-review figures. */
    public KpiValues(long surveys, Double csat, Double csatMean, Double nps, Double reachRate, Double resolutionRate, Double fcr,
                     Double responseOnTime, Double resolutionOnTime, Double reopenRate, Double leadConversion, Long backlog,
                     Long overdue, Map<String, Double> dimensions, Double leadWinRate, Double leadQuotedShare, Double pausedShare,
                     Double pausedMinutesMean) {
        this(surveys, csat, csatMean, nps, reachRate, resolutionRate, fcr, responseOnTime, resolutionOnTime, reopenRate,
                leadConversion, backlog, overdue, dimensions, leadWinRate, leadQuotedShare, pausedShare, pausedMinutesMean, null, null);
    }

    /** The same KPIs with the call-review figures. */
    public KpiValues withReviews(Double qaScore, Long reviews) {
        return new KpiValues(surveys, csat, csatMean, nps, reachRate, resolutionRate, fcr, responseOnTime, resolutionOnTime, reopenRate,
                leadConversion, backlog, overdue, dimensions, leadWinRate, leadQuotedShare, pausedShare, pausedMinutesMean, qaScore, reviews);
    }

    /** Without the sales-lead outcome KPIs (no lead recorded). */
    public KpiValues(long surveys, Double csat, Double csatMean, Double nps, Double reachRate, Double resolutionRate, Double fcr,
                     Double responseOnTime, Double resolutionOnTime, Double reopenRate, Double leadConversion, Long backlog,
                     Long overdue, Map<String, Double> dimensions) {
        this(surveys, csat, csatMean, nps, reachRate, resolutionRate, fcr, responseOnTime, resolutionOnTime, reopenRate,
                leadConversion, backlog, overdue, dimensions, null, null, null, null, null, null);
    }
}
