package com.careloop.config;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * History level "careloop": everything "full" records, except variables that carry free text or names of a
 * person, and except the per-update variable details (the last value of every variable is kept). Tasklist forms submit such fields as variables; the delegates move them into CareLoop's tables and
 * remove them, and this level keeps them out of the history tables in the meantime.
 */
public class PrivacyHistoryLevel extends HistoryLevelFull {

    public static final String NAME = "careloop";

    static final Set<String> PERSONAL_VARIABLES = Set.of(
            "feedbackText", "notes", "tags", "responsePlan", "solution", "customerName", "lastContacts", "callContext");

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
        if (entity instanceof VariableInstance v && PERSONAL_VARIABLES.contains(v.getName())) {
            return false;
        }
        if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL) {
            // the latest value of each variable is kept (historic variable instances); not every intermediate update
            return false;
        }
        return super.isHistoryEventProduced(eventType, entity);
    }
}
