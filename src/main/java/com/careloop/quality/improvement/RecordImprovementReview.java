package com.careloop.quality.improvement;

import static com.careloop.quality.improvement.ImprovementVariables.*;

import com.careloop.engine.CompletedBy;
import com.careloop.engine.FormInput;
import com.careloop.sla.SlaClock;
import com.careloop.sla.WorkCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "记录复核结论 Record the review": CLOSE closes the action; REOPEN (a new deadline, today or later, is required)
 * sends it back to the owner team with a fresh deadline and reminder (the fraction the registration used).
 */
@Component("recordImprovementReview")
class RecordImprovementReview implements JavaDelegate {

    private final ImprovementActions actions;
    private final WorkCalendar calendar;
    private final Clock clock;

    RecordImprovementReview(ImprovementActions actions, WorkCalendar calendar, Clock clock) {
        this.actions = actions;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormInput in = new FormInput(execution, clock.getZone());
        ReviewDecision decision = in.requiredEnum(REVIEW_DECISION, ReviewDecision.class);
        LocalDate newDeadline = null;
        if (decision == ReviewDecision.REOPEN) {
            String raw = in.text(NEW_DEADLINE, 40, true);
            if (raw != null) {
                try {
                    newDeadline = LocalDate.parse(raw.length() > 10 ? raw.substring(0, 10) : raw);
                    if (newDeadline.isBefore(LocalDate.now(clock))) {
                        in.error(NEW_DEADLINE, "must be today or later but was " + newDeadline);
                    }
                } catch (DateTimeParseException e) {
                    in.error(NEW_DEADLINE, "must be a date like 2026-12-31 but was '" + raw + "'");
                }
            }
        }
        in.validate();
        Object byValue = execution.getVariable(CompletedBy.VARIABLE);
        String by = byValue == null ? null : byValue.toString();
        String number = execution.getProcessBusinessKey();
        execution.setVariable(REVIEW_DECISION, decision.name());
        if (decision == ReviewDecision.CLOSE) {
            actions.close(number, by);
            return;
        }
        Instant now = clock.instant();
        Instant deadline = newDeadline.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        // the model's reminder point, as the registration read it from Task_RegisterImprovementAction
        double fraction = ((Number) execution.getVariable(REMINDER_FRACTION)).doubleValue();
        actions.reopen(number, deadline, by);
        execution.setVariable(DEADLINE_AT, Date.from(deadline));
        execution.setVariable(REMINDER_AT, Date.from(calendar.reminder(now, deadline, SlaClock.WORKING, fraction)));
    }
}
