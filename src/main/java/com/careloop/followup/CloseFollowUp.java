package com.careloop.followup;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the follow-up with the result of its last call (completed, unreachable, wrong number, refused). */
@Component("closeFollowUp")
class CloseFollowUp implements JavaDelegate {

    private final FollowUpService followUps;
    private final Clock clock;

    CloseFollowUp(FollowUpService followUps, Clock clock) {
        this.followUps = followUps;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FollowUp followUp = followUps.ofProcess(execution.getProcessBusinessKey());
        CallOutcome last = CallOutcome.valueOf((String) execution.getVariable(FollowUpVariables.CALL_OUTCOME));
        followUp.close(FollowUpResult.afterLastCall(last), clock.instant());
        execution.setVariable(FollowUpVariables.FOLLOW_UP_RESULT, followUp.getResult().name());
    }
}
