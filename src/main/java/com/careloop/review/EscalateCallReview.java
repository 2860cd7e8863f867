package com.careloop.review;

import static com.careloop.identity.CareLoopGroups.CS_MANAGERS;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * "超期升级 Escalate the overdue review" of callReviewCase: the review's due time passed with Task_ReviewCall open;
 * cs-managers become candidates next to cs-supervisors (as the other processes escalate). Runs again harmlessly.
 */
@Component("escalateCallReview")
class EscalateCallReview implements JavaDelegate {

    private final TaskService tasks;

    EscalateCallReview(TaskService tasks) {
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        for (Task t : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(ReviewVariables.TASK_REVIEW).list()) {
            tasks.addCandidateGroup(t.getId(), CS_MANAGERS);
        }
    }
}
