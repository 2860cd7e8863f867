package com.careloop.quality.alert;

/**
 * One row of bpmn/qualityAlerts.dmn: breached when {@code metric comparison threshold} holds for a scope unit over the
 * last {@code windowDays} days (0 for "now" metrics) with at least {@code minSample} survey answers; the alert task
 * goes to {@code candidateGroup}.
 */
public record AlertRule(String id, AlertScope scope, QualityMetric metric, int windowDays, int minSample,
                        Comparison comparison, double threshold, String severity, String candidateGroup) {

    public AlertRule {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a rule without ruleId");
        }
        if (windowDays < 0 || (metric.windowed() && windowDays < 1)) {
            throw new IllegalArgumentException("rule " + id + ": window " + windowDays + " days (a windowed metric needs at least 1)");
        }
        if (minSample < 0) {
            throw new IllegalArgumentException("rule " + id + ": negative minimum sample");
        }
        if (candidateGroup == null || candidateGroup.isBlank()) {
            throw new IllegalArgumentException("rule " + id + ": no candidate group");
        }
    }

    public String describe() {
        return metric.key() + " " + comparison.symbol() + " " + threshold;
    }
}
