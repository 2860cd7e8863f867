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
 */
@Component
class BusinessMeters implements MeterBinder {

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
                .description("open incidents").register(registry);
        Gauge.builder("careloop.sla.breaches", openFeedback, f -> f.overdue(null, null))
                .description("feedback items open and past a response or resolution deadline now").register(registry);
        Gauge.builder("careloop.notifications.failed", externalTasks,
                        t -> t.createExternalTaskQuery().topicName(NotificationWorker.TOPIC).noRetriesLeft().count())
                .description("notifications whose retries are used up (incidents)").register(registry);
    }
}
