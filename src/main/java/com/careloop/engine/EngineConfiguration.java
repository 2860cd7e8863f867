package com.careloop.engine;

import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Engine settings that need the engine's configuration class (org.camunda.bpm.engine.impl.cfg, the one place
 * where CareLoop touches engine internals).
 */
@Configuration
public class EngineConfiguration {

    /**
     * Registers the "careloop" history level (full minus personal variables), selected by camunda.bpm.history-level,
     * and puts {@link PrivacyHistoryEventHandler} in front of the engine's history event handler once it is built.
     * ({@code org.camunda.bpm.engine.impl.cfg}: the plugin API of the engine configuration, only in this package.)
     */
    @Bean
    public ProcessEnginePlugin privacyHistoryLevelPlugin() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                var levels = configuration.getCustomHistoryLevels() == null
                        ? new ArrayList<HistoryLevel>() : new ArrayList<>(configuration.getCustomHistoryLevels());
                levels.add(new PrivacyHistoryLevel());
                configuration.setCustomHistoryLevels(levels);
            }

            @Override
            public void postInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setHistoryEventHandler(new PrivacyHistoryEventHandler(configuration.getHistoryEventHandler()));
            }
        };
    }

    /** The task-access model's engine half: bounded per-task authorizations and leaner task queries. */
    @Bean
    public ProcessEnginePlugin taskAccessPlugin() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                // no per-task rows for groups that see a process's tasks by a definition-level grant (see the class)
                configuration.setResourceAuthorizationProvider(new TaskAuthorizationProvider());
                // a task's local variables readable by whoever may read the task (Tasklist's list columns; see the class)
                configuration.setRuntimeService(new TaskLocalVariablesRuntimeService());
                // CareLoop has no CMMN cases and no tasks outside processes: the engine then joins task queries to
                // the process definition with an inner join and drops the case-definition branch of every check
                configuration.setCmmnEnabled(false);
                configuration.setStandaloneTasksEnabled(false);
            }
        };
    }

    /**
     * Every refused password check counted (careloop.login.failures) and logged; the identity provider is the one
     * place all logins pass. The engine throttles (login-* generic properties) but never locks an account for good.
     */
    @Bean
    public ProcessEnginePlugin failedLoginCountingPlugin(ObjectProvider<MeterRegistry> meters) {
        Counter failures = Counter.builder("careloop.login.failures")
                .description("refused logins: wrong password, unknown user or throttled")
                .register(meters.getIfAvailable(() -> Metrics.globalRegistry));
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setIdentityProviderSessionFactory(new SessionFactory() {
                    @Override
                    public Class<?> getSessionType() {
                        return FailedLoginCounter.class;
                    }

                    @Override
                    public Session openSession() {
                        return new FailedLoginCounter(failures);
                    }
                });
            }
        };
    }

    /** Invalid form input: INFO from FormInput, not ERROR with a stack trace from the engine (see FormValidationLogFilter). */
    @Bean
    public FormValidationLogFilter formValidationLogFilter() {
        FormValidationLogFilter filter = new FormValidationLogFilter();
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            filter.setContext(logback);
            filter.start();
            logback.addTurboFilter(filter);
        }
        return filter;
    }
}
