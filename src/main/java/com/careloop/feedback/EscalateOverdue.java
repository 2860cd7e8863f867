package com.careloop.feedback;

import static com.careloop.identity.CareLoopGroups.CS_SUPERVISORS;

import com.careloop.engine.InstanceTasks;
import com.careloop.identity.CareLoopGroups;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * The SLA of a stage ran out: the item is marked overdue and the supervisors become candidates of the late
 * task, next to its owners. The late task is the one the SLA timer is attached to in the model (the boundary
 * event this escalation is reached from), so a task renamed in Modeler is still escalated. Runs again harmlessly
 * (a candidate is added once).
 */
@Component("escalateOverdue")
class EscalateOverdue implements JavaDelegate {

    private final FeedbackService feedback;
    private final TaskService tasks;

    EscalateOverdue(FeedbackService feedback, TaskService tasks) {
        this.feedback = feedback;
        this.tasks = tasks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FlowNode escalation = (FlowNode) execution.getBpmnModelElementInstance();
        String stage = stageOf(escalation);
        if (stage == null) {
            // instances of versions before the stage became a model property carry it as an input variable
            stage = (String) execution.getVariable(FeedbackVariables.SLA_STAGE);
        }
        String lateTaskId = attachedTaskOf(escalation);
        FeedbackItem item = feedback.itemOf(execution);
        item.markOverdue();
        feedback.log(item, null, ProgressKind.ESCALATED,
                FeedbackNotifications.stageLabel(stage) + " SLA breached, escalated to " + CareLoopGroups.nameOf(CS_SUPERVISORS));
        // delegation code runs without authorization checks (authorizationEnabledForCustomCode is off)
        for (Task t : InstanceTasks.of(execution, lateTaskId)) {
            tasks.addCandidateGroup(t.getId(), CS_SUPERVISORS);
        }
    }

    /** The SLA stage the model names on the escalation task (extension property slaStage: a constant, no variable row). */
    static String stageOf(FlowNode escalation) {
        if (escalation.getExtensionElements() == null) {
            return null;
        }
        return escalation.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(p -> FeedbackVariables.SLA_STAGE.equals(p.getCamundaName())).map(CamundaProperty::getCamundaValue)
                .findFirst().orElse(null);
    }

    /**
     * The activity the boundary event that leads to this escalation is attached to, found by following the
     * model's sequence flows backwards from the escalation task.
     */
    static String attachedTaskOf(FlowNode escalation) {
        Deque<FlowNode> toVisit = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        toVisit.add(escalation);
        while (!toVisit.isEmpty()) {
            FlowNode node = toVisit.poll();
            if (!seen.add(node.getId())) {
                continue;
            }
            if (node instanceof BoundaryEvent boundary) {
                return boundary.getAttachedTo().getId();
            }
            for (SequenceFlow incoming : node.getIncoming()) {
                toVisit.add(incoming.getSource());
            }
        }
        throw new IllegalStateException("escalation " + escalation.getId() + " is not reached from a boundary event: "
                + "the model does not say which task is late");
    }
}
