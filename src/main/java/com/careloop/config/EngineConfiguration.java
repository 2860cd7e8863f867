package com.careloop.config;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Engine settings that need the engine's configuration class (org.camunda.bpm.engine.impl.cfg, the one place
 * where CareLoop touches engine internals).
 */
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

    /** The task-access model's engine half: bounded per-task authorizations and leaner task queries. */
    @Bean
    public ProcessEnginePlugin taskAccessPlugin() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                // no per-task rows for groups that see a process's tasks by a definition-level grant (see the class)
                configuration.setResourceAuthorizationProvider(new TaskAuthorizationProvider());
                // CareLoop has no CMMN cases and no tasks outside processes: the engine then joins task queries to
                // the process definition with an inner join and drops the case-definition branch of every check
                configuration.setCmmnEnabled(false);
                configuration.setStandaloneTasksEnabled(false);
            }
        };
    }
}
