package com.careloop.screening;

/** The process variables of the screening module's models that its Java classes read or write: one constant each. */
public final class ScreeningVariables {

    /** the screening run's row id. */
    public static final String RUN_ID = "runId";

    /** true when a person started the run from Tasklist's start form: the starter gets a confirmation task. */
    public static final String STARTED_IN_TASKLIST = "startedInTasklist";

    private ScreeningVariables() {
    }
}
