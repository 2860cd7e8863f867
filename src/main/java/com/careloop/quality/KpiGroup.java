package com.careloop.quality;

/** One group of a KPI report: its key (e.g. "2026-11-03", "agent1", "VIP_CARE"), a zh-CN/English label, its KPIs. */
public record KpiGroup(String key, String label, KpiValues kpis) {
}
