package com.careloop.sla;

import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** careloop.calendar.*: the work calendar used for every deadline, and the hours in which customers are called. */
@ConfigurationProperties("careloop.calendar")
public record WorkCalendarProperties(ZoneId zone, LocalTime workStart, LocalTime workEnd, String holidays,
                                     LocalTime callingHoursStart, LocalTime callingHoursEnd) {

    public WorkCalendarProperties {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        workStart = workStart == null ? LocalTime.of(9, 0) : workStart;
        workEnd = workEnd == null ? LocalTime.of(18, 0) : workEnd;
        holidays = holidays == null ? "classpath:sla/holidays-cn.csv" : holidays;
        callingHoursStart = callingHoursStart == null ? LocalTime.of(9, 0) : callingHoursStart;
        callingHoursEnd = callingHoursEnd == null ? LocalTime.of(20, 0) : callingHoursEnd;
        if (!callingHoursStart.isBefore(callingHoursEnd)) {
            throw new IllegalArgumentException("careloop.calendar calling hours must start before they end");
        }
    }
}
