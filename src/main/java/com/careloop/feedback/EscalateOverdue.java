package com.careloop.feedback;

import static com.careloop.identity.CareLoopGroups.CS_SUPERVISORS;

import com.careloop.engine.SystemCalls;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The SLA of a stage ran out: the item is marked overdue and the supervisors become candidates of the late
 * task, next to its owners. Runs again harmlessly (a candidate is added once).
 */
@Component("escalateOverdue")
public class EscalateOverdue implements JavaDelegate {

    private final FeedbackService feedback;
    private final TaskService tasks;

    public EscalateOverdue(FeedbackService feedback, TaskService tasks) {
        this.feedback = feedback;
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String stage = (String) execution.getVariable("slaStage");
        String taskKey = "RESPONSE".equals(stage) ? "Task_RespondToCustomer" : "Task_ResolveFeedback";
        FeedbackItem item = feedback.itemOf(execution);
        item.markOverdue();
        feedback.log(item, null, ProgressKind.ESCALATED,
                ("RESPONSE".equals(stage) ? "响应超时 Response" : "解决超时 Resolution") + " SLA breached, escalated to " + CS_SUPERVISORS);
        SystemCalls.run(() -> {
            for (Task t : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(taskKey).list()) {
                tasks.addCandidateGroup(t.getId(), CS_SUPERVISORS);
            }
            return null;
        });
    }
}
