package com.careloop.sla;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

/** Loads the holiday file (date,kind,name; kind HOLIDAY or WORKDAY) into the work calendar. */
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
                    + "Add the year's holidays and adjusted working days to the file.", props.holidays(), currentYear);
        }
        return calendar;
    }

    static void parse(BufferedReader in, String source, Map<LocalDate, WorkCalendar.DayKind> days, Set<Integer> years) throws IOException {
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.toLowerCase().startsWith("date,")) {
                continue;
            }
            String[] cols = trimmed.split(",", 3);
            try {
                LocalDate date = LocalDate.parse(cols[0].strip());
                WorkCalendar.DayKind kind = WorkCalendar.DayKind.valueOf(cols[1].strip().toUpperCase());
                days.put(date, kind);
                years.add(date.getYear());
            } catch (DateTimeParseException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalStateException(source + " line " + lineNo + ": expected 'yyyy-MM-dd,HOLIDAY|WORKDAY,name' but got '" + line + "'", e);
            }
        }
    }
}
