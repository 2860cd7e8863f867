package com.careloop.review;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * careloop.review.*: when process callReview samples the previous week's calls — an ISO-8601 repeating interval whose
 * start carries its offset (default every 7 days from Monday 2026-01-05 09:00 +08:00, i.e. Mondays 09:00
 * Asia/Shanghai whatever the server's zone); a Monday that is not a working day waits for the next working day.
 */
@ConfigurationProperties("careloop.review")
public record ReviewProperties(String cycle) {

    public static final String DEFAULT_CYCLE = "R/2026-01-05T09:00+08:00/P7D";

    public ReviewProperties {
        cycle = cycle == null || cycle.isBlank() ? DEFAULT_CYCLE : cycle.strip();
    }
}
