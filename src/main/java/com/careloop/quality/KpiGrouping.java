package com.careloop.quality;

/** How {@code GET /api/kpis?groupBy=} splits a period. */
public enum KpiGrouping {
    DAY, WEEK, MONTH, AGENT, TEAM, SCENARIO, PRODUCT, CHANNEL, TIER
}
