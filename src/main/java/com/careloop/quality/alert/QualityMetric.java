package com.careloop.quality.alert;

import com.careloop.quality.KpiValues;
import java.util.function.Function;

/**
 * The KPIs an alert rule (bpmn/qualityAlerts.dmn, column metric) or an improvement target can name, by the key a
 * designer types. Windowed metrics are read from {@code QualityKpis} over the rule's window; "now" metrics (backlog,
 * overdue, urgentOverdue) ignore the window. The minimum sample of a rule counts survey answers and applies to the
 * survey metrics only.
 */
public enum QualityMetric {
    CSAT("csat", "满意度 CSAT", true, true, KpiValues::csat),
    CSAT_MEAN("csatMean", "平均满意度 CSAT mean", true, true, KpiValues::csatMean),
    NPS("nps", "净推荐值 NPS", true, true, KpiValues::nps),
    REACH_RATE("reachRate", "接通率 Reach rate", false, true, KpiValues::reachRate),
    RESOLUTION_RATE("resolutionRate", "问题解决率 Resolution rate", false, true, KpiValues::resolutionRate),
    FCR("fcr", "首次解决率 First-contact resolution", false, true, KpiValues::fcr),
    RESPONSE_ON_TIME("responseOnTime", "响应及时率 On-time response", false, true, KpiValues::responseOnTime),
    RESOLUTION_ON_TIME("resolutionOnTime", "解决及时率 On-time resolution", false, true, KpiValues::resolutionOnTime),
    REOPEN_RATE("reopenRate", "重开率 Reopen rate", false, true, KpiValues::reopenRate),
    LEAD_CONVERSION("leadConversion", "潜在需求转化率 Lead conversion", false, true, KpiValues::leadConversion),
    BACKLOG("backlog", "未结反馈 Backlog", false, false, v -> v.backlog() == null ? 0.0 : v.backlog().doubleValue()),
    OVERDUE("overdue", "超期反馈 Overdue", false, false, v -> v.overdue() == null ? 0.0 : v.overdue().doubleValue()),
    /** Open URGENT feedback items past a deadline now: counted by the feedback module, not a KpiValues field. */
    URGENT_OVERDUE("urgentOverdue", "紧急反馈超期 Urgent items overdue", false, false, null);

    private final String key;
    private final String label;
    private final boolean surveyBased;
    private final boolean windowed;
    private final Function<KpiValues, Double> read;

    QualityMetric(String key, String label, boolean surveyBased, boolean windowed, Function<KpiValues, Double> read) {
        this.key = key;
        this.label = label;
        this.surveyBased = surveyBased;
        this.windowed = windowed;
        this.read = read;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** Whether the figure rests on survey answers (the rule's minimum sample counts them). */
    public boolean surveyBased() {
        return surveyBased;
    }

    /** Whether the figure belongs to a period (else it is "now"). */
    public boolean windowed() {
        return windowed;
    }

    /** Whether {@link #value} can read it from a KPI report (urgentOverdue cannot). */
    public boolean inKpiReport() {
        return read != null;
    }

    public Double value(KpiValues values) {
        if (read == null) {
            throw new IllegalStateException(key + " is not a field of the KPI report");
        }
        return values == null ? null : read.apply(values);
    }

    public static QualityMetric of(String key) {
        if (key != null) {
            for (QualityMetric m : values()) {
                if (m.key.equalsIgnoreCase(key.trim()) || m.name().equalsIgnoreCase(key.trim())) {
                    return m;
                }
            }
        }
        throw new IllegalArgumentException("unknown metric '" + key + "' (one of " + java.util.Arrays.stream(values()).map(QualityMetric::key).toList() + ")");
    }
}
