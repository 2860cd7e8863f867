package com.careloop.screening;

/** The process variables of the screening module's models that its Java classes read or write: one constant each. */
public final class ScreeningVariables {

    /** the screening run's row id. */
    public static final String RUN_ID = "runId";

    private ScreeningVariables() {
    }
}
