package com.careloop.quality.alert;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The timer of bpmn/qualityWatch.bpmn reads {@code ${qualityWatchSchedule.cycle}}: an ISO-8601 repeating interval
 * (default R/PT15M, every 15 minutes) or a cron expression, from careloop.quality.watch-cycle.
 */
@Component("qualityWatchSchedule")
public class QualityWatchSchedule {

    private final String cycle;

    public QualityWatchSchedule(@Value("${careloop.quality.watch-cycle:R/PT15M}") String cycle) {
        if (cycle == null || cycle.isBlank()) {
            throw new IllegalArgumentException("careloop.quality.watch-cycle must be an ISO-8601 cycle like R/PT15M or a cron expression");
        }
        this.cycle = cycle.trim();
    }

    public String getCycle() {
        return cycle;
    }
}
