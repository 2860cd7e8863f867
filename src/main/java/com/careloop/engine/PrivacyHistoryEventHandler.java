package com.careloop.engine;

import com.careloop.engine.PersonalFields;
import java.util.List;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;

/**
 * Wraps the engine's history event handler and drops every event that would store a personal field
 * ({@link PersonalFields}): above all the form-property details (ACT_HI_DETAIL, TYPE_ 'FormProperty') that the
 * engine writes for each field of a form submitted through Tasklist or /engine-rest/task/{id}/submit-form, which
 * the history level cannot filter per field; and, as a second line behind {@link PrivacyHistoryLevel}, variable
 * history events of those names. A task's history keeps the name its model gives it (电话回访 Call customer), not the
 * runtime name a task listener set, which names the customer (回访 王芳 · 新客户回访). Everything else goes to the
 * engine's handler unchanged.
 * <p>
 * Engine-internal API ({@code org.camunda.bpm.engine.impl.history}): history events and their handler exist only
 * there; kept in this package, the one that configures the engine.
 */
class PrivacyHistoryEventHandler implements HistoryEventHandler {

    private final HistoryEventHandler delegate;

    PrivacyHistoryEventHandler(HistoryEventHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (!isPersonal(event)) {
            delegate.handleEvent(withModelTaskName(event));
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        delegate.handleEvents(events.stream().filter(e -> !isPersonal(e)).map(PrivacyHistoryEventHandler::withModelTaskName).toList());
    }

    private static HistoryEvent withModelTaskName(HistoryEvent event) {
        if (event instanceof HistoricTaskInstanceEventEntity task && task.getProcessDefinitionId() != null
                && task.getTaskDefinitionKey() != null && Context.getProcessEngineConfiguration() != null) {
            ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
                    .findDeployedProcessDefinitionById(task.getProcessDefinitionId());
            ActivityImpl activity = definition == null ? null : definition.findActivity(task.getTaskDefinitionKey());
            if (activity != null && activity.getName() != null) {
                task.setName(activity.getName());
            }
        }
        return event;
    }

    static boolean isPersonal(HistoryEvent event) {
        if (event instanceof HistoricFormPropertyEventEntity formField) {
            return PersonalFields.isPersonal(formField.getPropertyId());
        }
        if (event instanceof HistoricVariableUpdateEventEntity variable) {
            return PersonalFields.isPersonal(variable.getVariableName());
        }
        return false;
    }
}
