package com.careloop.screening;

import com.careloop.sla.ServiceParameters;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * careloop.screening.*: when the nightly run starts (cron in the given zone), the chunk size of parallel starts and
 * the optional daily call capacity per agent (and for the shared agents pool) over which due dates are spread.
 * The cooling period between two follow-ups of a customer is the designers' ({@code screening.coolingPeriod} in
 * bpmn/serviceParameters.dmn); {@link #coolingPeriod()} reads it from there at each call.
 */
@ConfigurationProperties("careloop.screening")
public class ScreeningProperties {

    private final String cron;
    private final ZoneId cronZone;
    private final int chunkSize;
    private final int agentDailyCapacity;
    private final int poolDailyCapacity;
    private ServiceParameters parameters;

    public ScreeningProperties(String cron, ZoneId cronZone, Integer chunkSize, Integer agentDailyCapacity,
                               Integer poolDailyCapacity) {
        this.cron = cron == null || cron.isBlank() ? "0 0 2 * * ?" : cron.trim();
        this.cronZone = cronZone == null ? ZoneId.of("Asia/Shanghai") : cronZone;
        this.chunkSize = chunkSize == null ? 200 : chunkSize;
        this.agentDailyCapacity = agentDailyCapacity == null ? 0 : agentDailyCapacity;
        this.poolDailyCapacity = poolDailyCapacity == null ? 0 : poolDailyCapacity;
        if (this.chunkSize < 1) {
            throw new IllegalArgumentException("careloop.screening.chunk-size must be at least 1");
        }
        if (this.cron.split("\\s+").length < 6) {
            throw new IllegalArgumentException("careloop.screening.cron must have 6 or 7 fields (sec min hour day month weekday): " + this.cron);
        }
    }

    /** Where {@link #coolingPeriod()} comes from (set by Spring). */
    @Autowired
    void useParameters(ServiceParameters parameters) {
        this.parameters = parameters;
    }

    public String cron() {
        return cron;
    }

    public ZoneId cronZone() {
        return cronZone;
    }

    public int chunkSize() {
        return chunkSize;
    }

    public int agentDailyCapacity() {
        return agentDailyCapacity;
    }

    public int poolDailyCapacity() {
        return poolDailyCapacity;
    }

    /**
     * {@code screening.coolingPeriod} of bpmn/serviceParameters.dmn. Kept here so that the candidate query reads one
     * settings object; once the screening exclusions become one policy shared with manual starts, callers should ask
     * {@link ServiceParameters#coolingPeriod()} directly and this accessor goes.
     */
    public Duration coolingPeriod() {
        if (parameters == null) {
            throw new IllegalStateException("ScreeningProperties.coolingPeriod(): no ServiceParameters");
        }
        return parameters.coolingPeriod();
    }
}
