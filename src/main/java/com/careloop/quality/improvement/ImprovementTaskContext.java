package com.careloop.quality.improvement;

import com.careloop.engine.FormText;
import java.time.format.DateTimeFormatter;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of the improvementAction tasks: shows the action's problem, root cause, measure and deadline in the
 * task form (task-local variables, as plain text) — they live in the table, not in the process.
 */
@Component("improvementTaskContext")
class ImprovementTaskContext implements TaskListener {

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ImprovementActions actions;
    private final Clock clock;

    ImprovementTaskContext(ImprovementActions actions, Clock clock) {
        this.actions = actions;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        ImprovementAction a = actions.byNumber(task.getExecution().getProcessBusinessKey());
        task.setVariableLocal("problemText", FormText.plain(a.getProblem()));
        task.setVariableLocal("measureText", FormText.plain(a.getMeasure()));
        task.setVariableLocal("rootCauseLabel", a.getRootCause().label());
        task.setVariableLocal("deadlineLabel", LABEL.format(a.getDeadline().atZone(clock.getZone())));
        task.setVariableLocal("doneNotesText", FormText.plain(a.getDoneNotes()));
    }
}
