package com.careloop.screening;

import java.time.Instant;
import java.time.ZoneId;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The nightly timer of bpmn/screening.bpmn reads {@code ${screeningSchedule.cron}}. Camunda evaluates cron
 * expressions in the server's time zone; the configured cron is meant in careloop.screening.cron-zone
 * (Asia/Shanghai), so a plain hour field is shifted by the difference between the two zones.
 */
@Component("screeningSchedule")
@EnableConfigurationProperties(ScreeningProperties.class)
public class ScreeningSchedule {

    private final ScreeningProperties props;

    public ScreeningSchedule(ScreeningProperties props) {
        this.props = props;
    }

    public String getCron() {
        return inZone(props.cron(), props.cronZone(), ZoneId.systemDefault(), Instant.now());
    }

    static String inZone(String cron, ZoneId from, ZoneId to, Instant at) {
        String[] f = cron.trim().split("\\s+");
        if (!f[2].matches("\\d{1,2}")) {
            return cron;
        }
        int offsetHours = (to.getRules().getOffset(at).getTotalSeconds() - from.getRules().getOffset(at).getTotalSeconds()) / 3600;
        int hour = Math.floorMod(Integer.parseInt(f[2]) + offsetHours, 24);
        f[2] = String.valueOf(hour);
        return String.join(" ", f);
    }
}
