package com.careloop.sla;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The work calendar bean: working hours and zone. Its holidays and adjusted working days live in the database
 * (package calendar), which fills them at start and whenever a year is loaded; the shipped file
 * (date,kind,name; kind HOLIDAY or WORKDAY) only seeds the database.
 */
@Configuration
@EnableConfigurationProperties(WorkCalendarProperties.class)
public class WorkCalendarConfiguration {

    @Bean
    public WorkCalendar workCalendar(WorkCalendarProperties props) {
        return new WorkCalendar(props.zone(), props.workStart(), props.workEnd(), Map.of(), Set.of());
    }

    /** Reads the holiday file into {@code days} and {@code years}; the first bad line stops it, named by its number. */
    public static void parse(BufferedReader in, String source, Map<LocalDate, WorkCalendar.DayKind> days, Set<Integer> years) throws IOException {
        for (HolidayCsv.Entry e : HolidayCsv.readAll(in, source)) {
            days.put(e.date(), e.kind());
            years.add(e.date().getYear());
        }
    }
}
