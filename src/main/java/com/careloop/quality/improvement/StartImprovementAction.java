package com.careloop.quality.improvement;

import com.careloop.engine.CompletedBy;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.stereotype.Component;

/**
 * "开启改进措施 Open the improvement action" of bpmn/qualityAlert.bpmn: the handler decided IMPROVE; starts process
 * improvementAction with the fields of the alert task's form (checked already by recordAlertDecision) and the alert
 * number, as the handler, and keeps the action's number in {@code improvementNumber}. Runs once: a retry finds it set.
 */
@Component("startImprovementAction")
class StartImprovementAction implements JavaDelegate {

    private final RuntimeService runtime;

    StartImprovementAction(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getVariable(ImprovementVariables.NUMBER) != null) {
            return;
        }
        Map<String, Object> vars = new HashMap<>();
        for (String field : ImprovementRequest.FIELDS) {
            vars.put(field, execution.getVariable(field));
        }
        vars.put(ImprovementRequest.ALERT_NUMBER, execution.getProcessBusinessKey());
        vars.put(ImprovementVariables.STARTED_BY, execution.getVariable(CompletedBy.VARIABLE));
        ProcessInstanceWithVariables started = runtime.createProcessInstanceByKey(ImprovementVariables.PROCESS_KEY)
                .setVariables(vars).executeWithVariablesInReturn();
        execution.setVariable(ImprovementVariables.NUMBER, started.getVariables().get(ImprovementVariables.NUMBER));
        // problem and measure are in the action's row now
        execution.removeVariable(ImprovementRequest.PROBLEM);
        execution.removeVariable(ImprovementRequest.MEASURE);
    }
}
