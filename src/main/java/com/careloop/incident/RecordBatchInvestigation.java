package com.careloop.incident;

import com.careloop.engine.CompletedBy;
import com.careloop.engine.FormInput;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "记录调查结论 Record the findings" of bpmn/batchQualityIncident.bpmn: checks the investigation's form — root cause,
 * action RECALL | REPAIR_CAMPAIGN | SUPPLIER_CLAIM, whether to start a campaign follow-up (400 naming each bad field;
 * the task stays open) — and closes the incident. The root cause goes to the incident's row, not the process.
 */
@Component("recordBatchInvestigation")
class RecordBatchInvestigation implements JavaDelegate {

    static final String START_CAMPAIGN = "startCampaign";

    private final BatchIncidents incidents;
    private final Clock clock;

    RecordBatchInvestigation(BatchIncidents incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormInput in = new FormInput(execution, clock.getZone());
        String rootCause = in.text("rootCause", 2000, true);
        BatchAction action = in.requiredEnum("action", BatchAction.class);
        boolean campaign = in.bool(START_CAMPAIGN);
        in.validate();
        Object by = execution.getVariable(CompletedBy.VARIABLE);
        incidents.close(execution.getProcessBusinessKey(), rootCause, action, by == null ? null : by.toString());
        execution.setVariable("action", action.name());
        execution.setVariable(START_CAMPAIGN, campaign);
        execution.removeVariable("rootCause");
    }
}
