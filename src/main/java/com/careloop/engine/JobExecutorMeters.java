package com.careloop.engine;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

/**
 * The job executor's meters for /actuator/prometheus: {@code careloop.jobs.acquired}, {@code careloop.jobs.executed},
 * {@code careloop.jobs.failed} (counters, tag {@code scope=node}) and {@code careloop.jobs.backlog} (executable jobs due
 * now, a gauge, tag {@code scope=cluster}).
 * <p>
 * A counter is this node's share of the engine's own metric: what this node's metrics reporter already wrote to
 * ACT_RU_METER_LOG (every 15 minutes, reporter = the engine's hostname) plus what it counted since its last report
 * (the metrics query adds that itself). Summed over the nodes it gives the cluster's total, counting each job once
 * (TwoNodesOnOneDatabaseTest). The engine's hostname is read from its configuration class
 * (org.camunda.bpm.engine.impl.cfg), which is why this sits in the engine package. Nodes that share an IP address
 * (two JVMs on one host) need distinct names: {@code camunda.bpm.generic-properties.properties.hostname}.
 * <p>
 * The backlog is read from the shared database: every node reports the same cluster-wide value, so a dashboard takes
 * {@code max} over the nodes, never {@code sum} ({@code scope=cluster} says so on every series).
 */
@Component
public class JobExecutorMeters implements MeterBinder {

    private static final Map<String, String> COUNTERS = Map.of(
            "careloop.jobs.acquired", Metrics.JOB_ACQUIRED_SUCCESS,
            "careloop.jobs.executed", Metrics.JOB_SUCCESSFUL,
            "careloop.jobs.failed", Metrics.JOB_FAILED);

    /** Tag of every CareLoop meter: {@code node} (this node's own count) or {@code cluster} (read from the shared database). */
    public static final String SCOPE = "scope";
    public static final String NODE = "node";
    public static final String CLUSTER = "cluster";

    private final ProcessEngine engine;

    public JobExecutorMeters(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        COUNTERS.forEach((name, metric) -> FunctionCounter.builder(name, this, m -> m.total(metric))
                .description("jobs (engine metric " + metric + ") of this node: its reports in the metrics log plus its unreported count")
                .tag(SCOPE, NODE)
                .register(registry));
        Gauge.builder("careloop.jobs.backlog", this, JobExecutorMeters::backlog)
                .description("jobs due now with retries left, waiting for the job executor (cluster-wide: take max over nodes, not sum)")
                .tag(SCOPE, CLUSTER)
                .register(registry);
    }

    double total(String metric) {
        ManagementService management = engine.getManagementService();
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        // the engine reports under its hostname (ProcessEngineImpl: dbMetricsReporter.setReporterId(hostname)); sum()
        // already adds this engine's count since its last report (MeterLogManager: the "current unlogged count"), so
        // adding the MetricsRegistry's meter again counted every unreported job twice
        Long reported = management.createMetricsQuery().name(metric).reporter(configuration.getHostname()).sum();
        return reported == null ? 0 : reported;
    }

    double backlog() {
        return engine.getManagementService().createJobQuery().executable().count();
    }
}
