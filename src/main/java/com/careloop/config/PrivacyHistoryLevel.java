package com.careloop.config;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * History level "careloop": everything "full" records, except variables that carry free text or names of a
 * person. Tasklist forms submit such fields as variables; the delegates move them into CareLoop's tables and
 * remove them, and this level keeps them out of the history tables in the meantime.
 */
public class PrivacyHistoryLevel extends HistoryLevelFull {

    public static final String NAME = "careloop";

    static final Set<String> PERSONAL_VARIABLES = Set.of(
            "feedbackText", "notes", "tags", "responsePlan", "solution", "customerName", "lastContacts");

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
        return super.isHistoryEventProduced(eventType, entity);
    }
}
