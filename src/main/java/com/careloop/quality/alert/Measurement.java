package com.careloop.quality.alert;

/**
 * A rule measured for one unit of its scope ("all", "team:cs-center", "agent:agent1"): the value (null without a
 * denominator) and, for survey metrics, the number of answers it rests on.
 */
public record Measurement(AlertRule rule, String scopeKey, String scopeLabel, Double value, Long sample) {

    public enum State { BREACHED, OK, UNKNOWN }

    /** UNKNOWN without a value or below the minimum sample: such a unit neither raises nor recovers an alert. */
    public State state() {
        if (value == null || (rule.metric().surveyBased() && (sample == null || sample < rule.minSample()))) {
            return State.UNKNOWN;
        }
        return rule.comparison().holds(value, rule.threshold()) ? State.BREACHED : State.OK;
    }
}
