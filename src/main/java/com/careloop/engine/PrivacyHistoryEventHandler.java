package com.careloop.engine;

import com.careloop.engine.PersonalFields;
import java.util.List;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Wraps the engine's history event handler and drops every event that would store a personal field
 * ({@link PersonalFields}): above all the form-property details (ACT_HI_DETAIL, TYPE_ 'FormProperty') that the
 * engine writes for each field of a form submitted through Tasklist or /engine-rest/task/{id}/submit-form, which
 * the history level cannot filter per field; and, as a second line behind {@link PrivacyHistoryLevel}, variable
 * history events of those names. Everything else goes to the engine's handler unchanged.
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
            delegate.handleEvent(event);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        delegate.handleEvents(events.stream().filter(e -> !isPersonal(e)).toList());
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
