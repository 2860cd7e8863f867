package com.careloop.followup;

import com.careloop.sla.WorkCalendar;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * When a survey text stops waiting for its answer: {@code hours} of working time (the work calendar: working hours,
 * weekends, holidays, adjusted workdays) after now. The followUp model's timer {@code Timer_SurveyWaitOver} calls it
 * when the text has gone out: {@code ${surveyWait.until(surveyWaitHours)}}.
 */
@Component("surveyWait")
public class SurveyWait {

    private final WorkCalendar calendar;
    private final Clock clock;

    SurveyWait(WorkCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    public Date until(Object hours) {
        int h = hours instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(hours));
        return Date.from(calendar.plusWorkingTime(clock.instant(), Duration.ofHours(h)));
    }
}
