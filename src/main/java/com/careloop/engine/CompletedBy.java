package com.careloop.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of every user task: notes who completed it (the authenticated user who submitted it, else its
 * assignee) in the process variable {@code completedBy}, a user id, for the delegates that record
 * the submission. Form input itself is checked by those delegates, in the same transaction: a bad submission
 * rolls the completion back, the task stays open, and /engine-rest answers 400.
 */
@Component("recordCompletedBy")
public class CompletedBy implements TaskListener {

    public static final String VARIABLE = "completedBy";

    @Override
    public void notify(DelegateTask task) {
        // the authenticated user made the call or the decision; without one (engine-internal completion), the assignee
        var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String user = auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
        task.getExecution().setVariable(VARIABLE, user);
    }
}
