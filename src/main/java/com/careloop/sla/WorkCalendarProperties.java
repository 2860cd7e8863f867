package com.careloop.sla;

import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * careloop.calendar.*: the work calendar used for every deadline (zone, working hours, shipped holidays). The hours
 * in which customers are called are the designers' (bpmn/serviceParameters.dmn, {@link ServiceParameters}).
 */
@ConfigurationProperties("careloop.calendar")
public record WorkCalendarProperties(ZoneId zone, LocalTime workStart, LocalTime workEnd, String holidays) {

    public WorkCalendarProperties {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        workStart = workStart == null ? LocalTime.of(9, 0) : workStart;
        workEnd = workEnd == null ? LocalTime.of(18, 0) : workEnd;
        holidays = holidays == null ? "classpath:sla/holidays-cn.csv" : holidays;
    }
}
