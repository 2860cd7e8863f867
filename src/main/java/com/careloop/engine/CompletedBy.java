package com.careloop.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Complete listener of every user task: notes who completed it (its assignee, else the authenticated user who
 * submitted the form) in the process variable {@code completedBy}, a user id, for the delegates that record
 * the submission. Form input itself is checked by those delegates, in the same transaction: a bad submission
 * rolls the completion back, the task stays open, and /engine-rest answers 400.
 */
@Component("recordCompletedBy")
public class CompletedBy implements TaskListener {

    public static final String VARIABLE = "completedBy";

    @Override
    public void notify(DelegateTask task) {
        String user = task.getAssignee();
        if (user == null) {
            Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            user = auth == null ? null : auth.getUserId();
        }
        task.getExecution().setVariable(VARIABLE, user);
    }
}
