package com.careloop.quality.improvement;

import static com.careloop.identity.CareLoopGroups.CS_MANAGERS;

import com.careloop.engine.InstanceTasks;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * "超期升级 Escalate the overdue action" of bpmn/improvementAction.bpmn: the deadline passed with the owner's task
 * open; the action is marked overdue and cs-managers become candidates of that task next to the owner team (as
 * feedback SLAs escalate). Runs again harmlessly.
 */
@Component("escalateImprovement")
class EscalateImprovement implements JavaDelegate {

    private final ImprovementActions actions;
    private final TaskService tasks;

    EscalateImprovement(ImprovementActions actions, TaskService tasks) {
        this.actions = actions;
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        actions.markOverdue(execution.getProcessBusinessKey());
        for (Task t : InstanceTasks.of(execution, ImprovementVariables.TASK_CARRY_OUT)) {
            tasks.addCandidateGroup(t.getId(), CS_MANAGERS);
        }
    }
}
