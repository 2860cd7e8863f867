package com.careloop.config;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
}
