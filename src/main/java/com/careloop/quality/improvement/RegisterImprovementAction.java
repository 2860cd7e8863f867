package com.careloop.quality.improvement;

import static com.careloop.quality.improvement.ImprovementVariables.*;

import com.careloop.engine.CompletedBy;
import com.careloop.engine.FormInput;
import com.careloop.quality.alert.QualityAlert;
import com.careloop.quality.alert.QualityAlerts;
import com.careloop.sla.SlaClock;
import com.careloop.sla.WorkCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First service task of bpmn/improvementAction.bpmn, "登记改进措施 Register the improvement action": checks the start
 * form (400 naming each bad field, nothing created), stores the action (problem and measure live in the table, not in
 * the process), makes its number IAyyyyMMddNNNN the business key and sets what the owner's task and its timers read:
 * the deadline (end of the deadline day), the reminder at the model's {@code reminderFraction} of the working time
 * until then (as feedback SLAs), and the verification period ({@code verificationCycles} × the model's
 * {@code cycleLength}).
 */
@Component("registerImprovementAction")
class RegisterImprovementAction implements JavaDelegate {

    private final ImprovementActions actions;
    private final QualityAlerts alerts;
    private final WorkCalendar calendar;
    private final Clock clock;

    RegisterImprovementAction(ImprovementActions actions, QualityAlerts alerts, WorkCalendar calendar, Clock clock) {
        this.actions = actions;
        this.alerts = alerts;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getProcessBusinessKey() != null && execution.getVariable(NUMBER) != null) {
            return; // registered already (a retried start)
        }
        ImprovementRequest request = ImprovementRequest.read(execution, clock.getZone(), LocalDate.now(clock));
        Long alertId = null;
        if (request.alertNumber() != null) {
            alertId = alerts.find(request.alertNumber()).map(QualityAlert::getId).orElse(null);
            if (alertId == null) {
                FormInput in = new FormInput(execution, clock.getZone());
                in.error(ImprovementRequest.ALERT_NUMBER, "is no quality alert: '" + request.alertNumber() + "'");
                in.validate();
            }
        }
        double fraction = Double.parseDouble(input(execution, INPUT_REMINDER_FRACTION));
        int cycleDays = Period.parse(input(execution, INPUT_CYCLE_LENGTH)).getDays();
        if (cycleDays < 1) {
            throw new IllegalStateException("input cycleLength of " + execution.getCurrentActivityId() + " must be whole days like P7D");
        }
        Instant now = clock.instant();
        Instant deadline = request.deadline().plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        Instant reminder = calendar.reminder(now, deadline, SlaClock.WORKING, fraction);
        Object startedBy = execution.getVariable(STARTED_BY) != null ? execution.getVariable(STARTED_BY) : execution.getVariable(CompletedBy.VARIABLE);
        ImprovementAction action = actions.register(request, deadline, alertId, startedBy == null ? null : startedBy.toString(),
                execution.getProcessInstanceId());
        execution.setProcessBusinessKey(action.getNumber());
        execution.setVariable(NUMBER, action.getNumber());
        execution.setVariable(DEADLINE_AT, Date.from(deadline));
        execution.setVariable(REMINDER_AT, Date.from(reminder));
        execution.setVariable(REMINDER_FRACTION, fraction);
        execution.setVariable(PERIOD_DAYS, request.verificationCycles() * cycleDays);
        execution.setVariable(TARGET_LABEL, targetLabel(request));
        execution.removeVariable(ImprovementRequest.PROBLEM);
        execution.removeVariable(ImprovementRequest.MEASURE);
    }

    static String targetLabel(ImprovementRequest r) {
        double d = r.targetDelta();
        String points = (d > 0 ? "+" : "") + (d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d));
        return r.targetMetric().label() + " " + points + " 分 points";
    }

    private static String input(DelegateExecution execution, String name) {
        Object v = execution.getVariableLocal(name);
        if (v == null || v.toString().isBlank()) {
            throw new IllegalStateException("input '" + name + "' of " + execution.getCurrentActivityId()
                    + " is not set in bpmn/improvementAction.bpmn");
        }
        return v.toString().trim();
    }
}
