package com.careloop.feedback;

import static com.careloop.identity.CareLoopGroups.AGENTS;
import static com.careloop.identity.CareLoopGroups.CS_CENTER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Puts the routing facts of the item (type, urgency, who re-visits) into the process; business key = item number. */
@Component("loadFeedbackFacts")
public class LoadFeedbackFacts implements JavaDelegate {

    private final FeedbackService feedback;

    public LoadFeedbackFacts(FeedbackService feedback) {
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
        execution.setVariable("feedbackType", item.getType().name());
        execution.setVariable("feedbackUrgency", item.getUrgency().name());
        execution.setVariable("revisitAgent", item.getRevisitAgent());
        execution.setVariable("revisitGroup", item.getSource() == FeedbackSource.INBOUND ? CS_CENTER : AGENTS);
        execution.setVariable("reopenCount", item.getReopenCount());
        execution.setVariable("revisitAttempts", 0);
    }
}
