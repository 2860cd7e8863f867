package com.careloop.incident;

import com.careloop.feedback.BatchItems;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener (create) of 调查批次问题 Investigate batch: the incident's facts and every linked item (number, type,
 * urgency, status, registration day; no customer data) as task-local variables for form investigateBatch. Items
 * linked later are added by {@link BatchIncidents} to the open task.
 */
@Component("investigateBatchContext")
class InvestigateBatchContext implements TaskListener {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Shanghai"));

    private final BatchIncidents incidents;

    InvestigateBatchContext(BatchIncidents incidents) {
        this.incidents = incidents;
    }

    @Override
    public void notify(DelegateTask task) {
        BatchIncidents.BatchIncident incident = incidents.byNumber(task.getExecution().getProcessBusinessKey());
        task.setVariablesLocal(variables(incident, incidents.linkedItems(incident.id())));
    }

    static void set(TaskService tasks, String taskId, BatchIncidents.BatchIncident incident, List<BatchItems.Item> linked) {
        tasks.setVariablesLocal(taskId, variables(incident, linked));
    }

    static Map<String, Object> variables(BatchIncidents.BatchIncident incident, List<BatchItems.Item> linked) {
        StringBuilder list = new StringBuilder();
        for (BatchItems.Item i : linked) {
            list.append("- **").append(i.number()).append("** · ").append(i.type().label()).append(" · ").append(i.urgency())
                    .append(" · ").append(i.status()).append(" · ").append(DAY.format(i.createdAt())).append('\n');
        }
        return Map.of("incidentNumber", incident.number(), "productModel", incident.productModel(), "batch", incident.batch(),
                "itemCount", linked.size(), "linkedItems", list.toString(),
                "ruleLabel", incident.threshold() + " 条 / " + incident.windowDays() + " 天 items / days");
    }
}
