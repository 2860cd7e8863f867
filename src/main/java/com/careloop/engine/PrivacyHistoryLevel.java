package com.careloop.engine;

import com.careloop.engine.PersonalFields;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * History level "careloop": everything "full" records, except variables that carry free text or names of a
 * person ({@link PersonalFields}), and except the per-update variable details (the last value of every variable is
 * kept). Tasklist forms submit such fields as variables; the delegates move them into CareLoop's tables and
 * remove them, and this level keeps them out of the history tables in the meantime. A submitted form's
 * form-property details are decided for the whole form here (the level sees the task, not the field), so
 * {@link PrivacyHistoryEventHandler} drops the personal ones field by field.
 * <p>
 * Engine-internal API ({@code org.camunda.bpm.engine.impl.history}): a custom history level can only be written
 * against it; it stays in this package, the one that configures the engine.
 */
public class PrivacyHistoryLevel extends HistoryLevelFull {

    public static final String NAME = "careloop";

    @Override
    public int getId() {
        return 14;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (entity instanceof VariableInstance v && PersonalFields.isPersonal(v.getName())) {
            return false;
        }
        if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL) {
            // the latest value of each variable is kept (historic variable instances); not every intermediate update
            return false;
        }
        return super.isHistoryEventProduced(eventType, entity);
    }
}
