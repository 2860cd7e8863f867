package com.careloop.quality.alert;

/** Process variables of qualityAlert: the facts of the breach its task and notification show (ids and figures only). */
public final class AlertVariables {

    public static final String ALERT_NUMBER = "alertNumber";
    public static final String RULE_ID = "ruleId";
    public static final String METRIC = "metric";
    public static final String METRIC_LABEL = "metricLabel";
    public static final String VALUE = "value";
    public static final String COMPARISON = "comparison";
    public static final String THRESHOLD = "threshold";
    public static final String WINDOW_DAYS = "windowDays";
    public static final String WINDOW_LABEL = "windowLabel";
    public static final String SAMPLE = "sample";
    public static final String SCOPE = "scope";
    public static final String SCOPE_LABEL = "scopeLabel";
    public static final String SEVERITY = "severity";
    public static final String CANDIDATE_GROUP = "candidateGroup";
    /** form field of Task_HandleQualityAlert: CLOSE or IMPROVE */
    public static final String ALERT_DECISION = "alertDecision";
    /** input of the closing service tasks: RECOVERED, HANDLED, IMPROVEMENT */
    public static final String CLOSE_REASON = "closeReason";

    private AlertVariables() {
    }
}
