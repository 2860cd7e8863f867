package com.careloop.config;

import com.careloop.engine.EngineClock;
import com.careloop.sla.WorkCalendarProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ClockConfiguration {

    @Bean
    public Clock clock(WorkCalendarProperties calendar) {
        return new EngineClock(calendar.zone());
    }
}
