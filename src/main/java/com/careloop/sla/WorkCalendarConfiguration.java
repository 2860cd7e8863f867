package com.careloop.sla;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The work calendar bean, first filled from the shipped holiday file (date,kind,name; kind HOLIDAY or WORKDAY).
 * The holiday data a team maintains lives in the database (package calendar), which replaces these days at start
 * and whenever a year is loaded.
 */
@Configuration
@EnableConfigurationProperties(WorkCalendarProperties.class)
public class WorkCalendarConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WorkCalendarConfiguration.class);

    @Bean
    public WorkCalendar workCalendar(WorkCalendarProperties props, ResourceLoader loader, Clock clock) throws IOException {
        Resource resource = loader.getResource(props.holidays());
        Map<LocalDate, WorkCalendar.DayKind> days = new HashMap<>();
        Set<Integer> years = new HashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            parse(in, props.holidays(), days, years);
        }
        WorkCalendar calendar = new WorkCalendar(props.zone(), props.workStart(), props.workEnd(), days, years);
        int currentYear = LocalDate.now(clock.withZone(props.zone())).getYear();
        if (!calendar.hasDataFor(currentYear)) {
            log.warn("Work calendar {} has no public-holiday data for {}: deadlines count only weekends as days off. "
                    + "Load the year's holidays and adjusted working days (PUT /api/calendar/years/{year}).", props.holidays(), currentYear);
        }
        return calendar;
    }

    /** Reads the holiday file into {@code days} and {@code years}; the first bad line stops it, named by its number. */
    public static void parse(BufferedReader in, String source, Map<LocalDate, WorkCalendar.DayKind> days, Set<Integer> years) throws IOException {
        HolidayCsv.Result result = HolidayCsv.read(in);
        if (!result.valid()) {
            HolidayCsv.LineError first = result.errors().get(0);
            throw new IllegalStateException(source + " line " + first.line() + ": " + first.message());
        }
        for (HolidayCsv.Entry e : result.entries()) {
            days.put(e.date(), e.kind());
            years.add(e.date().getYear());
        }
    }
}
