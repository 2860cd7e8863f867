package com.careloop.followup;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hands the id of the call task being completed to {@link RecordCallAttempt}, which runs next in the same transaction
 * and leaves the numbers of the feedback items the call created as a comment on that task. A transient variable
 * ({@link #VARIABLE}): it lives only until the transaction ends and never reaches the database or history. Fed by the
 * engine's Spring event bridge (task events, on by default in the Spring Boot starter: {@code camunda.bpm.eventing.task}),
 * so the model needs no extra listener; without it the comment is on the process instance only.
 */
@Component
class CompletedCallTask {

    /** Transient: the id of the Task_CallCustomer whose completion is being recorded. */
    static final String VARIABLE = "completedCallTaskId";

    @EventListener
    public void onTaskEvent(DelegateTask task) {
        if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())
                && FollowUpService.CALL_TASK.equals(task.getTaskDefinitionKey()) && task.getExecution() != null) {
            task.getExecution().setVariable(VARIABLE, Variables.stringValue(task.getId(), true));
        }
    }

    /** The id handed over for this completion, or null (completed without the event bridge). */
    static String of(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
        return execution.getVariable(VARIABLE) instanceof String id ? id : null;
    }
}
