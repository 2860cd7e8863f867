package com.careloop.review;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * "申诉超期升级 Escalate the appeal" of callReviewCase: Task_DecideAppeal is still open at its due time; the cs-managers
 * are already its candidates, so its priority is raised to {@code appealEscalatedPriority} (model input) and it tops
 * the Tasklist. Runs again harmlessly.
 */
@Component("escalateAppeal")
class EscalateAppeal implements JavaDelegate {

    private final TaskService tasks;

    EscalateAppeal(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int priority = Integer.parseInt(String.valueOf(execution.getVariable("appealEscalatedPriority")));
        for (Task t : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(ReviewVariables.TASK_DECIDE).list()) {
            tasks.setPriority(t.getId(), priority);
        }
    }
}
