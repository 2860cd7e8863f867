package com.careloop.quality.alert;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "关闭告警（已恢复）Close the recovered alert" of bpmn/qualityAlert.bpmn: the metric is back within
 * its threshold (message qualityAlertRecovered); the alert of the business key closes as RECOVERED. Idempotent.
 */
@Component("closeRecoveredAlert")
class CloseRecoveredAlert implements JavaDelegate {

    private final QualityAlerts alerts;

    CloseRecoveredAlert(QualityAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        alerts.close(execution.getProcessBusinessKey(), QualityAlert.CloseReason.RECOVERED, "system", null);
    }
}
