package com.careloop.screening;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Marks the run finished once every chunk has started. */
@Component("completeScreeningRun")
class CompleteScreeningRun implements JavaDelegate {

    private final ScreeningService screening;
    private final Clock clock;

    CompleteScreeningRun(ScreeningService screening, Clock clock) {
        this.screening = screening;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        screening.get(((Number) execution.getVariable(ScreeningVariables.RUN_ID)).longValue()).finish(clock.instant());
    }
}
