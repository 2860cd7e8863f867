package com.careloop.quality;

import java.time.LocalDate;
import java.util.List;

/** KPIs for the period [from, to) in Asia/Shanghai: the totals and, when grouped, one entry per group. */
public record KpiReport(LocalDate from, LocalDate to, KpiGrouping groupBy, KpiValues totals, List<KpiGroup> groups) {
}
