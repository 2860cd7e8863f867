package com.careloop.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * The variable-instance query, where a task's own (task-local) variables are readable by whoever may read the task
 * (engine internals: {@code org.camunda.bpm.engine.impl}). The engine's check for this query knows only a grant on
 * the task itself, on the process instance or READ_INSTANCE on the definition — not READ_TASK on the definition,
 * which is how agents see every follow-up call (README "Who may see and work a task": no row per call). So
 * Tasklist's list columns, which it fetches with exactly this query for the tasks of a page, came back empty for an
 * agent, while the same variables were readable one task at a time ({@code GET /task/{id}/localVariables} checks
 * READ on the task or READ_TASK on its definition).
 * <p>
 * What is added, and only for a query bounded by task or variable-scope ids and not paged (Tasklist's): the rows the
 * query asks for that are local to a task among those ids which the user's own task query returns. Nothing else:
 * process variables and the variables of tasks the user cannot see keep the engine's check.
 */
class TaskLocalVariableQuery extends VariableInstanceQueryImpl {

    TaskLocalVariableQuery(CommandExecutor commandExecutor) {
        super(commandExecutor);
    }

    @Override
    public List<VariableInstance> executeList(CommandContext context, Page page) {
        List<VariableInstance> granted = super.executeList(context, page);
        String[] bound = taskIds != null && taskIds.length > 0 ? taskIds : variableScopeIds;
        if (page != null || bound == null || bound.length == 0 || !context.isAuthorizationCheckEnabled()
                || context.getAuthentication() == null || !context.getProcessEngineConfiguration().isAuthorizationEnabled()) {
            return granted;
        }
        String[] visibleTasks = visibleTasks(context, bound);
        if (visibleTasks.length == 0) {
            return granted;
        }
        String[] asked = taskIds;
        taskIds = visibleTasks;
        List<VariableInstance> local;
        context.disableAuthorizationCheck();
        try {
            local = super.executeList(context, null);
        } finally {
            context.enableAuthorizationCheck();
            taskIds = asked;
        }
        if (local == null || local.isEmpty()) {
            return granted;
        }
        Map<String, VariableInstance> merged = new LinkedHashMap<>();
        if (granted != null) {
            granted.forEach(v -> merged.put(v.getId(), v));
        }
        local.forEach(v -> merged.putIfAbsent(v.getId(), v));
        return new ArrayList<>(merged.values());
    }

    /** The ids among {@code ids} of tasks the current user's task query returns (the engine's check for tasks). */
    static String[] visibleTasks(CommandContext context, String[] ids) {
        TaskQueryImpl tasks = new TaskQueryImpl();
        tasks.taskIdIn(Arrays.stream(ids).distinct().toArray(String[]::new));
        return tasks.executeList(context, null).stream().map(Task::getId).toArray(String[]::new);
    }
}
