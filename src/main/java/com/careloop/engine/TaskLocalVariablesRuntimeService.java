package com.careloop.engine;

import org.camunda.bpm.engine.impl.RuntimeServiceImpl;
import org.camunda.bpm.engine.runtime.VariableInstanceQuery;

/** The engine's runtime service with {@link TaskLocalVariableQuery} as its variable-instance query. */
class TaskLocalVariablesRuntimeService extends RuntimeServiceImpl {

    @Override
    public VariableInstanceQuery createVariableInstanceQuery() {
        return new TaskLocalVariableQuery(commandExecutor);
    }
}
