package com.careloop.operations;

import com.careloop.notification.NotificationWorker;
import com.careloop.quality.OpenFeedback;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Gauges of /actuator/prometheus read at each scrape (the job executor's meters: engine/JobExecutorMeters):
 * <ul>
 * <li>{@code careloop.incidents.open} — open incidents of every process (failed jobs, failed notification tasks);</li>
 * <li>{@code careloop.sla.breaches} — feedback items open now and past their response or resolution deadline;</li>
 * <li>{@code careloop.notifications.failed} — notification tasks whose retries are used up (each an incident until
 * retried).</li>
 * </ul>
 * All three are read from the database the nodes share, so every node reports the same cluster-wide value: they carry
 * the tag {@code scope=cluster}, and a dashboard takes {@code max} over the nodes, never {@code sum} (the node-local
 * counters, e.g. {@code careloop.jobs.executed}, carry {@code scope=node} and do add up).
 */
@Component
class BusinessMeters implements MeterBinder {

    /** the same tag as engine/JobExecutorMeters' cluster-wide gauge */
    private static final String SCOPE = "scope";
    private static final String CLUSTER = "cluster";

    private final RuntimeService runtime;
    private final ExternalTaskService externalTasks;
    private final OpenFeedback openFeedback;

    BusinessMeters(RuntimeService runtime, ExternalTaskService externalTasks, OpenFeedback openFeedback) {
        this.runtime = runtime;
        this.externalTasks = externalTasks;
        this.openFeedback = openFeedback;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("careloop.incidents.open", runtime, r -> r.createIncidentQuery().count())
                .description("open incidents (cluster-wide: max over nodes, not sum)").tag(SCOPE, CLUSTER).register(registry);
        Gauge.builder("careloop.sla.breaches", openFeedback, f -> f.overdue(null, null))
                .description("feedback items open and past a response or resolution deadline now (cluster-wide: max over nodes, not sum)")
                .tag(SCOPE, CLUSTER).register(registry);
        Gauge.builder("careloop.notifications.failed", externalTasks,
                        t -> t.createExternalTaskQuery().topicName(NotificationWorker.TOPIC).noRetriesLeft().count())
                .description("notifications whose retries are used up (incidents; cluster-wide: max over nodes, not sum)")
                .tag(SCOPE, CLUSTER).register(registry);
    }
}
