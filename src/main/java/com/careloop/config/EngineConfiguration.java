package com.careloop.config;

import ch.qos.logback.classic.LoggerContext;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class EngineConfiguration {

    /** Registers the "careloop" history level (full minus personal variables); selected by camunda.bpm.history-level. */
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
