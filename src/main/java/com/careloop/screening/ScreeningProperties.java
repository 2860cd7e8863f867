package com.careloop.screening;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * careloop.screening.*: when the nightly run starts (cron in the given zone), the chunk size of parallel starts and
 * the optional daily call capacity per agent (and for the shared agents pool) over which due dates are spread.
 * The cooling period is screening.coolingPeriod of bpmn/serviceParameters.dmn, read by the follow-up module ({@code FollowUpExclusions}): the exclusions are the same for manual starts and screening.
 */
@ConfigurationProperties("careloop.screening")
public record ScreeningProperties(String cron, ZoneId cronZone, Integer chunkSize,
                                  Integer agentDailyCapacity, Integer poolDailyCapacity) {

    public ScreeningProperties {
        cron = cron == null || cron.isBlank() ? "0 0 2 * * ?" : cron.trim();
        cronZone = cronZone == null ? ZoneId.of("Asia/Shanghai") : cronZone;
        chunkSize = chunkSize == null ? 200 : chunkSize;
        agentDailyCapacity = agentDailyCapacity == null ? 0 : agentDailyCapacity;
        poolDailyCapacity = poolDailyCapacity == null ? 0 : poolDailyCapacity;
        if (chunkSize < 1) {
            throw new IllegalArgumentException("careloop.screening.chunk-size must be at least 1");
        }
        if (cron.split("\\s+").length < 6) {
            throw new IllegalArgumentException("careloop.screening.cron must have 6 or 7 fields (sec min hour day month weekday): " + cron);
        }
    }
}
