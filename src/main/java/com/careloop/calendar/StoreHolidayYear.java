package com.careloop.calendar;

import com.careloop.errors.InvalidRequestException;
import com.careloop.engine.CompletedBy;
import com.careloop.engine.FormInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "保存节假日 Store the holidays" after the maintenance task: stores the pasted CSV (form field
 * {@code holidaysCsv}, optional — the year may also be loaded over REST) for {@code missingYear}; a bad line
 * fails the submission (400, by line number) and the task stays open. Sets {@code yearLoaded}.
 */
@Component("storeHolidayYear")
class StoreHolidayYear implements JavaDelegate {

    static final String FIELD_CSV = "holidaysCsv";
    static final String VAR_YEAR_LOADED = "yearLoaded";

    private final HolidayCalendar calendar;

    StoreHolidayYear(HolidayCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int year = ((Number) execution.getVariable(HolidayCalendar.VAR_MISSING_YEAR)).intValue();
        Object csv = execution.getVariable(FIELD_CSV);
        execution.removeVariable(FIELD_CSV);
        boolean stored = false;
        if (csv != null && !csv.toString().isBlank()) {
            try {
                calendar.replaceYear(year, csv.toString(), (String) execution.getVariable(CompletedBy.VARIABLE));
                stored = true;
            } catch (InvalidRequestException e) {
                FormInput form = new FormInput(execution, java.time.ZoneOffset.UTC);
                form.error(FIELD_CSV, e.getMessage());
                form.validate();
            }
        }
        // the work calendar takes the stored year at commit; until then it is known loaded because it was just stored
        execution.setVariable(VAR_YEAR_LOADED, stored || calendar.hasDataFor(year));
    }
}
