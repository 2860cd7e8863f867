package com.careloop.quality;

import java.time.LocalDate;

/**
 * The one reader of service-quality KPIs: the API, the dashboard, alerts, improvement actions and reports all
 * use it, so every figure follows the same definitions.
 */
public interface QualityKpis {

    /**
     * KPIs for [from, to) (Asia/Shanghai dates).
     *
     * @param groupBy null for totals only
     * @param agent null for everyone, else only what is credited to this agent (the agent who made the call)
     * @param team null for everyone, else only this team (candidate group, e.g. "cs-supervisors")
     */
    KpiReport report(LocalDate from, LocalDate to, KpiGrouping groupBy, String agent, String team);

    /**
     * {@link #report(LocalDate, LocalDate, KpiGrouping, String, String)} of one channel only: a key of the channel
     * dimension — FOLLOW_UP (the follow-up call: its survey answers, outcomes and items), SMS or WEB (survey answers by
     * the page of a survey link), or a feedback channel (HOTLINE … APP); null for every channel.
     */
    default KpiReport report(LocalDate from, LocalDate to, KpiGrouping groupBy, String agent, String team, String channel) {
        if (channel != null) {
            throw new UnsupportedOperationException("this reader does not filter by channel");
        }
        return report(from, to, groupBy, agent, team);
    }
}
