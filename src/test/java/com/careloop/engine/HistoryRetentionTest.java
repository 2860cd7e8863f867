package com.careloop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.CareLoopTest;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 17 (PIPL) retention: the engine's history cleanup runs every night in its configured batch window without a
 * manual start (the engine schedules its cleanup job at start), and every deployed process and decision keeps its
 * history at most 180 days — the processes holding a customer's data exactly 180.
 */
class HistoryRetentionTest extends CareLoopTest {

    /** The processes whose history is about a customer: 180 days (issue 17). */
    static final Set<String> CUSTOMER_PROCESSES = Set.of("followUp", "feedbackHandling");
    static final int RETENTION_DAYS = 180;

    @Autowired ProcessEngine engine;

    @Test
    void theHistoryCleanupJobIsScheduledInTheNightlyWindow() {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(config.isHistoryCleanupEnabled()).isTrue();
        assertThat(config.getHistoryCleanupBatchWindowStartTime()).as("window start").isNotBlank();
        assertThat(config.getHistoryCleanupBatchWindowEndTime()).as("window end").isNotBlank();
        LocalTime start = LocalTime.parse(config.getHistoryCleanupBatchWindowStartTime());
        LocalTime end = LocalTime.parse(config.getHistoryCleanupBatchWindowEndTime());
        assertThat(start).as("a night window that does not wrap midnight").isBefore(end);
        assertThat(start).isBefore(LocalTime.of(7, 0));

        List<Job> jobs = engine.getHistoryService().findHistoryCleanupJobs();
        assertThat(jobs).as("scheduled by the engine at start, no manual start").isNotEmpty();
        for (Job job : jobs) {
            assertThat(job.isSuspended()).isFalse();
            assertThat(job.getRetries()).isPositive();
            // the batch window is in the server's time zone, as is the job's due date
            LocalTime due = job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
            assertThat(due).as("due at " + job.getDuedate()).isBetween(start, end);
        }
    }

    @Test
    void everyDeployedModelKeepsItsHistoryAtMost180Days() {
        List<ProcessDefinition> processes = engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list();
        assertThat(processes).extracting(ProcessDefinition::getKey).containsAll(CUSTOMER_PROCESSES);
        for (ProcessDefinition p : processes) {
            assertThat(p.getHistoryTimeToLive()).as(p.getKey()).isNotNull().isBetween(1, RETENTION_DAYS);
            if (CUSTOMER_PROCESSES.contains(p.getKey())) {
                assertThat(p.getHistoryTimeToLive()).as(p.getKey()).isEqualTo(RETENTION_DAYS);
            }
        }
        List<DecisionDefinition> decisions = engine.getRepositoryService().createDecisionDefinitionQuery().latestVersion().list();
        assertThat(decisions).isNotEmpty();
        for (DecisionDefinition d : decisions) {
            assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull().isBetween(1, RETENTION_DAYS);
        }
    }
}
