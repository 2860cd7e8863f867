package com.careloop.engine;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

/**
 * The job executor's meters for /actuator/prometheus: {@code careloop.jobs.acquired}, {@code careloop.jobs.executed},
 * {@code careloop.jobs.failed} (counters) and {@code careloop.jobs.backlog} (executable jobs due now, a gauge).
 * <p>
 * A counter is the engine's own metric: what its metrics reporter already wrote to ACT_RU_METER_LOG (every 15
 * minutes, all nodes) plus what this node counted since its last report. The in-memory part is the engine's
 * {@code MetricsRegistry} (org.camunda.bpm.engine.impl), which is why this sits in the engine package.
 */
@Component
public class JobExecutorMeters implements MeterBinder {

    private static final Map<String, String> COUNTERS = Map.of(
            "careloop.jobs.acquired", Metrics.JOB_ACQUIRED_SUCCESS,
            "careloop.jobs.executed", Metrics.JOB_SUCCESSFUL,
            "careloop.jobs.failed", Metrics.JOB_FAILED);

    private final ProcessEngine engine;

    public JobExecutorMeters(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        COUNTERS.forEach((name, metric) -> FunctionCounter.builder(name, this, m -> m.total(metric))
                .description("jobs (engine metric " + metric + "): reported to the metrics log plus this node's unreported count")
                .register(registry));
        Gauge.builder("careloop.jobs.backlog", this, JobExecutorMeters::backlog)
                .description("jobs due now with retries left, waiting for the job executor")
                .register(registry);
    }

    double total(String metric) {
        ManagementService management = engine.getManagementService();
        Long reported = management.createMetricsQuery().name(metric).sum();
        Meter unreported = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getMetricsRegistry()
                .getDbMeterByName(metric);
        return (reported == null ? 0 : reported) + (unreported == null ? 0 : unreported.get());
    }

    double backlog() {
        return engine.getManagementService().createJobQuery().executable().count();
    }
}
