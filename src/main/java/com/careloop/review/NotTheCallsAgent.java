package com.careloop.review;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Assignment listener of Task_ReviewCall: nobody reviews their own call. Claiming or assigning the review to the agent
 * who made the call fails (HTTP 400 over the engine REST API) and changes nothing; {@link RecordCallReview} checks
 * who submitted too.
 */
@Component("notTheCallsAgent")
class NotTheCallsAgent implements TaskListener {

    static final String MESSAGE = "不能质检自己的回访 Nobody may review their own call";

    @Override
    public void notify(DelegateTask task) {
        if (task.getAssignee() != null && task.getAssignee().equals(task.getVariable(ReviewVariables.AGENT))) {
            throw new BadUserRequestException(MESSAGE);
        }
    }
}
