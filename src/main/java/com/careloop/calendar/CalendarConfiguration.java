package com.careloop.calendar;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling for {@link HolidayCalendar#refreshIfChanged()}: a year loaded on another node reaches this one. */
@Configuration
@EnableScheduling
class CalendarConfiguration {
}
