package com.careloop.quality.alert;

import com.careloop.engine.CompletedBy;
import com.careloop.engine.FormInput;
import com.careloop.engine.PersonalFields;
import com.careloop.quality.improvement.ImprovementRequest;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "记录处理结论 Record the decision" of bpmn/qualityAlert.bpmn: checks the handler's form — the decision, the notes
 * and, for IMPROVE, the improvement action's fields (400 naming each bad field; the task stays open) — and closes
 * the alert as HANDLED or IMPROVEMENT by the handler. The notes go to the alert's row, not the process.
 */
@Component("recordAlertDecision")
class RecordAlertDecision implements JavaDelegate {

    private final QualityAlerts alerts;
    private final Clock clock;

    RecordAlertDecision(QualityAlerts alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormInput in = new FormInput(execution, clock.getZone());
        AlertDecision decision = in.requiredEnum(AlertVariables.ALERT_DECISION, AlertDecision.class);
        String notes = in.text("notes", 2000, false);
        in.validate();
        if (decision == AlertDecision.IMPROVE) {
            ImprovementRequest.read(execution, clock.getZone(), LocalDate.now(clock));
        }
        Object by = execution.getVariable(CompletedBy.VARIABLE);
        alerts.close(execution.getProcessBusinessKey(),
                decision == AlertDecision.IMPROVE ? QualityAlert.CloseReason.IMPROVEMENT : QualityAlert.CloseReason.HANDLED,
                by == null ? null : by.toString(), notes);
        execution.setVariable(AlertVariables.ALERT_DECISION, decision.name());
        PersonalFields.removeFrom(execution);
    }
}
