package com.careloop.feedback;

import static com.careloop.identity.CareLoopGroups.AGENTS;
import static com.careloop.identity.CareLoopGroups.CS_CENTER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Puts the routing facts of the item (type, urgency, who re-visits) into the process; business key = item number. */
@Component("loadFeedbackFacts")
class LoadFeedbackFacts implements JavaDelegate {

    private final FeedbackService feedback;

    LoadFeedbackFacts(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FeedbackItem item = feedback.startedItem(execution);
        if (item.getProcessInstanceId() == null) {
            item.setProcessInstanceId(execution.getProcessInstanceId());
        }
        execution.setProcessBusinessKey(item.getNumber());
        execution.setVariable("feedbackNumber", item.getNumber());
        execution.setVariable(FeedbackVariables.FEEDBACK_TYPE, item.getType().name());
        execution.setVariable(FeedbackVariables.FEEDBACK_URGENCY, item.getUrgency().name());
        execution.setVariable(FeedbackVariables.REVISIT_AGENT, item.getRevisitAgent());
        execution.setVariable(FeedbackVariables.REVISIT_GROUP, item.getSource() == FeedbackSource.INBOUND ? CS_CENTER : AGENTS);
        execution.setVariable(FeedbackVariables.REOPEN_COUNT, item.getReopenCount());
        execution.setVariable(FeedbackVariables.REVISIT_ATTEMPTS, 0);
    }
}
