package com.careloop.quality.improvement;

import static com.careloop.quality.improvement.ImprovementVariables.*;

import com.careloop.engine.CompletedBy;
import com.careloop.engine.FormInput;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "记录完成情况 Record what was done": stores the owner's notes (in the table, not the process) and sets when the
 * verification period ends — {@code verificationPeriodDays} from now.
 */
@Component("recordImprovementDone")
class RecordImprovementDone implements JavaDelegate {

    private final ImprovementActions actions;
    private final Clock clock;

    RecordImprovementDone(ImprovementActions actions, Clock clock) {
        this.actions = actions;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormInput in = new FormInput(execution, clock.getZone());
        String notes = in.text(DONE_NOTES, 2000, true);
        in.validate();
        Object by = execution.getVariable(CompletedBy.VARIABLE);
        ImprovementAction action = actions.done(execution.getProcessBusinessKey(), by == null ? null : by.toString(), notes);
        int days = ((Number) execution.getVariable(PERIOD_DAYS)).intValue();
        execution.setVariable(VERIFICATION_DUE, Date.from(action.getDoneAt().plus(Duration.ofDays(days))));
        execution.removeVariable(DONE_NOTES);
    }
}
