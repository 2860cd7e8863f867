package com.careloop.testsupport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

/**
 * The engine of the model tests (src/test/resources/camunda.cfg.xml): expressions such as
 * {@code ${recordCallAttempt}} resolve to whatever the running test registered in {@link #BEANS} — its mocks —
 * instead of Spring beans. No application context, no PostgreSQL: a model change is checked in seconds.
 */
public class ModelTestEngineConfiguration extends StandaloneInMemProcessEngineConfiguration {

    /** name -> bean, read by the expression manager at each evaluation; tests fill and clear it. */
    public static final Map<Object, Object> BEANS = new ConcurrentHashMap<>();

    public ModelTestEngineConfiguration() {
        setBeans(BEANS);
    }
}
