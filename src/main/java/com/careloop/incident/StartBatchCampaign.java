package com.careloop.incident;

import com.careloop.engine.CompletedBy;
import com.careloop.followup.Scenario;
import com.careloop.screening.Campaign;
import com.careloop.screening.ScreeningService;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "发起批次回访活动 Start the batch campaign": a campaign follow-up (scenario PROMOTION, 活动/服务升级回访) for every
 * customer of the batch — the customers whose products list the entry {@code <model>/<batch>} — through screening's
 * campaign path ({@link ScreeningService#startRun}), with all its exclusions. Idempotent: once started, not again.
 */
@Component("startBatchCampaign")
class StartBatchCampaign implements JavaDelegate {

    private final BatchIncidents incidents;
    private final ScreeningService screening;

    StartBatchCampaign(BatchIncidents incidents, ScreeningService screening) {
        this.incidents = incidents;
        this.screening = screening;
    }

    /** The customers' products entry that marks the batch (what the CRM or the CSV import writes). */
    static String productEntry(String productModel, String batch) {
        return productModel + "/" + batch;
    }

    @Override
    public void execute(DelegateExecution execution) {
        BatchIncidents.BatchIncident incident = incidents.byNumber(execution.getProcessBusinessKey());
        if (incident.campaignRunId() != null) {
            execution.setVariable("campaignRunId", incident.campaignRunId());
            return;
        }
        Object by = execution.getVariable(CompletedBy.VARIABLE);
        long run = screening.startRun(null, new Campaign("批次质量事件 Batch incident " + incident.number(), Scenario.PROMOTION, null,
                List.of(), List.of(productEntry(incident.productModel(), incident.batch())), null, null), by == null ? null : by.toString());
        incidents.campaignStarted(incident.number(), run);
        execution.setVariable("campaignRunId", run);
    }
}
