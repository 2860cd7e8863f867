package com.careloop.followup;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * What the agent sees on top of the call form (customer, tier, scenario, last contacts), as the task-local
 * variable {@code callContext}: gone when the task is done, excluded from history, never a phone number.
 * A bulk start hands it in ready-made as a transient variable.
 */
@Component("callTaskContext")
class CallTaskContext implements TaskListener {

    public static final String VARIABLE = "callContext";

    private final CallContext context;
    private final FollowUpService followUps;
    private final Clock clock;

    CallTaskContext(CallContext context, FollowUpService followUps, Clock clock) {
        this.context = context;
        this.followUps = followUps;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Object prepared = task.getVariable(VARIABLE);
        String line = prepared instanceof String s && !s.isEmpty()
                ? s : context.of(followUps.ofProcess(task.getExecution().getProcessBusinessKey()).getId(), clock.getZone());
        task.setVariableLocal(VARIABLE, line);
        // a new attempt is a new answer: do not pre-fill the previous attempt's outcome in the form
        task.getExecution().removeVariable(FollowUpVariables.CALL_OUTCOME);
        task.getExecution().removeVariable(FollowUpVariables.CALLBACK_AT);
    }
}
