package com.careloop.followup;

import com.careloop.engine.CompletedBy;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of Task_CallCustomer: refuses a bad submission (HTTP 400 over REST, the task stays open,
 * nothing is written) and notes who made the call.
 */
@Component("callFormValidator")
public class CallFormValidator implements TaskListener {

    private final Clock clock;

    public CallFormValidator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        CallReport.read(task, clock);
        CompletedBy.record(task);
    }
}
