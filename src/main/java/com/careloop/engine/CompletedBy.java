package com.careloop.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who completes a task: its assignee, else the authenticated user who submitted it. */
public final class CompletedBy {

    public static final String VARIABLE = "completedBy";

    private CompletedBy() {
    }

    /** Records the completing user on the process (a user id, not personal data) for the delegates that follow. */
    public static void record(DelegateTask task) {
        String user = task.getAssignee();
        if (user == null) {
            Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            user = auth == null ? null : auth.getUserId();
        }
        task.getExecution().setVariable(VARIABLE, user);
    }
}
