package com.careloop.quality;

import java.util.Map;

/**
 * Every KPI of one period (or one group of it), as defined in issue #7. Percentages have one decimal; a KPI with no
 * denominator is {@code null}. {@code backlog} and {@code overdue} are "now" and ignore the period.
 * {@code dimensions}: mean of each dimension score, keys attitude, expertise, timeliness, resolution, convenience.
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
        Map<String, Double> dimensions) {
}
