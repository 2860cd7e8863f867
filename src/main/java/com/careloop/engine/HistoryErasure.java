package com.careloop.engine;

import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * An erase request's part in the engine history (PIPL): deletes the whole history — variables, form details, task and
 * activity instances, identity links, Tasklist comments and attachments, decisions — of the finished process
 * instances of one process with the given business keys. The engine offers no way to rewrite the history of an ended
 * instance (a comment of an ended instance cannot be deleted on its own), and its history cleanup deletes the same
 * once the retention (historyTimeToLive) is over. Running instances are left alone: the callers refuse an erase
 * while the customer has open cases. Public API only; runs in the caller's transaction.
 */
@Component
public class HistoryErasure {

    private final HistoryService history;

    HistoryErasure(HistoryService history) {
        this.history = history;
    }

    /** @return how many historic process instances were deleted */
    public int deleteFinished(String processDefinitionKey, Collection<String> businessKeys) {
        if (businessKeys.isEmpty()) {
            return 0;
        }
        List<String> finished = history.createHistoricProcessInstanceQuery().processDefinitionKey(processDefinitionKey)
                .processInstanceBusinessKeyIn(businessKeys.toArray(String[]::new)).finished().list().stream()
                .map(HistoricProcessInstance::getId).toList();
        if (!finished.isEmpty()) {
            history.deleteHistoricProcessInstancesIfExists(finished);
        }
        return finished.size();
    }
}
