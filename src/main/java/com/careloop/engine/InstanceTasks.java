package com.careloop.engine;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.Task;

/**
 * The open tasks of the process instance a delegate runs in, by task definition key, read with the engine's plain
 * "tasks of a process instance" statement. {@code TaskService.createTaskQuery()} would do the same, but its SQL is
 * the engine's largest dynamic statement (every criterion, authorization and tenant check an OGNL expression
 * MyBatis evaluates on each call): in an escalation job that query alone took a sixth of the job threads' CPU
 * (scripts/bench-sla.sh, a flight recording of 2,000 escalations). Delegation code runs without authorization
 * checks either way.
 */
public final class InstanceTasks {

    private InstanceTasks() {
    }

    /** The open tasks of {@code execution}'s process instance whose task definition key is {@code taskDefinitionKey}. */
    public static List<Task> of(DelegateExecution execution, String taskDefinitionKey) {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            throw new IllegalStateException("InstanceTasks.of outside a command: call it from a delegate");
        }
        return command.getTaskManager().findTasksByProcessInstanceId(execution.getProcessInstanceId()).stream()
                .filter(t -> taskDefinitionKey.equals(t.getTaskDefinitionKey())).map(Task.class::cast).toList();
    }
}
