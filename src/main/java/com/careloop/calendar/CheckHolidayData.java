package com.careloop.calendar;

import com.careloop.identity.TaskAccessPolicy;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "检查节假日数据 Check the holiday data" of bpmn/holidayCalendar.bpmn: sets {@code missingYear} to
 * the year whose holidays must be loaded — this year when it has none; from the day the model's input
 * {@code remindFrom} (MM-dd) names, next year when it has none — or to null when nothing is missing or a
 * maintenance task for that year already waits (one task, not one per day).
 */
@Component("checkHolidayData")
class CheckHolidayData implements JavaDelegate {

    static final String PROCESS_KEY = TaskAccessPolicy.HOLIDAY_CALENDAR;
    static final String TASK_MAINTAIN = "Task_MaintainHolidays";
    static final String INPUT_REMIND_FROM = "remindFrom";

    private final HolidayCalendar calendar;
    private final Clock clock;

    CheckHolidayData(HolidayCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MonthDay remindFrom = remindFrom(execution.getVariable(INPUT_REMIND_FROM));
        Integer missing = missingYear(LocalDate.now(clock), remindFrom);
        if (missing != null && calendar.waitingYears().contains(missing)) {
            missing = null;
        }
        execution.setVariable(HolidayCalendar.VAR_MISSING_YEAR, missing);
    }

    Integer missingYear(LocalDate today, MonthDay remindFrom) {
        if (!calendar.hasDataFor(today.getYear())) {
            return today.getYear();
        }
        if (!MonthDay.from(today).isBefore(remindFrom) && !calendar.hasDataFor(today.getYear() + 1)) {
            return today.getYear() + 1;
        }
        return null;
    }

    static MonthDay remindFrom(Object raw) {
        if (raw == null || raw.toString().isBlank()) {
            throw new IllegalStateException("input '" + INPUT_REMIND_FROM + "' (MM-dd) of Task_CheckHolidayData is not set in bpmn/holidayCalendar.bpmn");
        }
        try {
            return MonthDay.parse("--" + raw.toString().strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("input '" + INPUT_REMIND_FROM + "' of Task_CheckHolidayData must be MM-dd (e.g. 11-01) but is '" + raw + "'", e);
        }
    }
}
