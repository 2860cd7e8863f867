package com.careloop.engine;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Engine API calls made by a delegate on behalf of the system. A delegate runs inside the command of whoever
 * completed the task (an agent, with authorizations on), and its own bookkeeping queries must not be limited
 * to what that agent may read.
 */
public final class SystemCalls {

    private SystemCalls() {
    }

    public static <T> T run(Callable<T> call) {
        CommandContext ctx = Context.getCommandContext();
        try {
            return ctx == null ? call.call() : ctx.runWithoutAuthorization(call);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
