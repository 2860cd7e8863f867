package com.careloop.notification;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.ExternalTaskQueryTopicBuilder;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serves the notification tasks of the processes (external tasks of topic {@value #TOPIC}) in this JVM, so that
 * no database connection is held while waiting on a mail or SMS server:
 * <ol>
 * <li>fetch and lock a few tasks — one short transaction;</li>
 * <li>compose the batch's messages ({@link NotificationRequests#compose}) and read which of their recipients are
 * logged already (a retry; one query per message) — one short transaction for the batch;</li>
 * <li>send each ({@link Notifier#send}) — no transaction: the connection went back to the pool, each delivery-log row
 * is written in its own short transaction right after its send (a crash or a later failing send never loses the
 * record of one already sent, so a retry never sends it twice);</li>
 * <li>complete the batch's sent tasks — one short transaction for the batch — or report a failure with one retry
 * less ({@link RetryCycle}, the task's extension property {@value RetryCycle#PROPERTY}, R5/PT5M) — one short
 * transaction. With no retries left the engine raises an
 * incident (Cockpit); a retry skips the recipients already in the delivery log.</li>
 * </ol>
 * Every node polls with {@code careloop.notification.worker.threads} pollers, each fetching its own batch exactly as
 * the pollers of several nodes do (careloop.notification.worker.*): one poller serves one notification at a time
 * (three to five short transactions, every one a round trip to the database), which made it the slowest step of an
 * escalation (scripts/bench-sla.sh). Tests turn polling off and call {@link #runOnce()}.
 */
@Service
public class NotificationWorker implements SmartLifecycle {

    public static final String TOPIC = "notification";
    private static final Logger LOG = LoggerFactory.getLogger(NotificationWorker.class);

    private final ExternalTaskService externalTasks;
    private final Notifier notifier;
    private final NotificationProperties.Worker settings;
    private final Map<String, NotificationRequests> requests;
    private final List<String> variableNames;
    private final TransactionTemplate shortTransaction;
    private final String workerId = "careloop-" + ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    private volatile ScheduledExecutorService poller;

    public NotificationWorker(ExternalTaskService externalTasks, Notifier notifier, NotificationProperties props,
                              List<NotificationRequests> requests, PlatformTransactionManager transactionManager) {
        this.externalTasks = externalTasks;
        this.notifier = notifier;
        this.settings = props.worker();
        this.requests = requests.stream().collect(Collectors.toMap(NotificationRequests::processDefinitionKey, Function.identity()));
        this.variableNames = requests.stream().flatMap(r -> r.variableNames().stream()).distinct().toList();
        this.shortTransaction = new TransactionTemplate(transactionManager);
        this.shortTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Serves the notification tasks that are due now (at most one fetch); @return how many were completed. */
    public int runOnce() {
        return run(null);
    }

    /** {@link #runOnce()} for the process instances with this business key only (tests that run in one database). */
    public int runOnce(String businessKey) {
        return run(businessKey);
    }

    private int run(String businessKey) {
        List<LockedExternalTask> tasks = shortTransaction.execute(status -> {
            ExternalTaskQueryTopicBuilder fetch = externalTasks.fetchAndLock(settings.batchSize(), workerId)
                    .topic(TOPIC, settings.lockDuration().toMillis()).variables(variableNames).includeExtensionProperties();
            if (businessKey != null) {
                fetch = fetch.businessKey(businessKey);
            }
            return fetch.execute();
        });
        if (tasks.isEmpty()) {
            return 0;
        }
        List<Composed> sent = new ArrayList<>();
        for (Composed c : composeAll(tasks)) {
            if (c.failure() != null) {
                fail(c.locked(), c.failure());
            } else if (send(c)) {
                sent.add(c);
            }
        }
        return completeAll(sent);
    }

    /** A locked task with its message and the recipients already logged (a retry), or why it could not be composed. */
    private record Composed(LockedExternalTask locked, NotificationTask task, NotificationRequests source, Message message,
                            Set<String> logged, RuntimeException failure) {
    }

    /**
     * Composes the whole batch in one short transaction (the recipients' addresses are read once per batch:
     * {@link NotificationRequests#compose}); if one task cannot be composed, each is composed again in a transaction
     * of its own, so that only that one fails and every other is served.
     */
    private List<Composed> composeAll(List<LockedExternalTask> tasks) {
        if (tasks.size() > 1) {
            try {
                return shortTransaction.execute(status -> tasks.stream().map(t -> {
                    Composed c = compose(t);
                    if (c.failure() != null) {
                        throw c.failure();
                    }
                    return c;
                }).toList());
            } catch (RuntimeException oneFailed) {
                // fall through: one by one
            }
        }
        List<Composed> composed = new ArrayList<>();
        for (LockedExternalTask t : tasks) {
            try {
                composed.add(shortTransaction.execute(status -> {
                    Composed c = compose(t);
                    if (c.failure() != null) {
                        throw c.failure();
                    }
                    return c;
                }));
            } catch (RuntimeException e) {
                composed.add(new Composed(t, null, null, null, null, e));
            }
        }
        return composed;
    }

    private Composed compose(LockedExternalTask locked) {
        NotificationTask task = new NotificationTask(locked.getId(), locked.getProcessInstanceId(), locked.getProcessDefinitionKey(),
                locked.getActivityId(), locked.getBusinessKey(), factsOf(locked));
        try {
            NotificationRequests source = requests.get(task.processDefinitionKey());
            if (source == null) {
                throw new IllegalStateException("no NotificationRequests for process " + task.processDefinitionKey()
                        + " (activity " + task.activityId() + ")");
            }
            Message message = source.compose(task);
            return new Composed(locked, task, source, message, notifier.loggedKeys(message), null);
        } catch (RuntimeException e) {
            return new Composed(locked, task, null, null, null, e);
        }
    }

    /**
     * The task's facts: the constants of its model (extension properties such as notificationType, which write no
     * variable rows: 2 statements fewer per escalation job and 3 per notification task, scripts/bench-sla.sh) with its
     * fetched variables over them (instances of older versions carry those constants as input variables).
     */
    private static Map<String, Object> factsOf(LockedExternalTask locked) {
        Map<String, Object> facts = new java.util.HashMap<>();
        if (locked.getExtensionProperties() != null) {
            facts.putAll(locked.getExtensionProperties());
        }
        if (locked.getVariables() != null) {
            facts.putAll(locked.getVariables());
        }
        return facts;
    }

    /** Sends one composed message (each recipient's delivery-log row committed right after its send); false when it failed. */
    private boolean send(Composed c) {
        try {
            notifier.send(c.message(), c.logged());
            return true;
        } catch (RuntimeException e) {
            fail(c.locked(), e);
            return false;
        }
    }

    /**
     * Completes the batch's sent tasks in one short transaction (one commit for the batch instead of one per task: the
     * commits were a seventh of an escalation's, scripts/bench-sla.sh); if one cannot be completed (its process was
     * cancelled meanwhile, its lock expired), each is completed again in a transaction of its own, so that only that one
     * fails. Their messages are in the delivery log already, so a task that fails here is retried without a second send.
     */
    private int completeAll(List<Composed> sent) {
        if (sent.size() > 1) {
            try {
                shortTransaction.executeWithoutResult(status -> sent.forEach(this::complete));
                return sent.size();
            } catch (RuntimeException oneFailed) {
                // fall through: one by one
            }
        }
        int completed = 0;
        for (Composed c : sent) {
            try {
                shortTransaction.executeWithoutResult(status -> complete(c));
                completed++;
            } catch (RuntimeException e) {
                fail(c.locked(), e);
            }
        }
        return completed;
    }

    private void complete(Composed c) {
        c.source().sent(c.task(), c.message());
        externalTasks.complete(c.task().id(), workerId);
    }

    private void fail(LockedExternalTask locked, RuntimeException e) {
        String cycleText = locked.getExtensionProperties() == null ? null : locked.getExtensionProperties().get(RetryCycle.PROPERTY);
        if (cycleText == null) {
            // the model is the one source of the retry cycle; a task without one fails for good, visibly
            e = new IllegalStateException(locked.getActivityId() + " of " + locked.getProcessDefinitionKey()
                    + " names no '" + RetryCycle.PROPERTY + "' property in its model; sending failed: " + e, e);
        }
        RetryCycle cycle = cycleText == null ? new RetryCycle(1, java.time.Duration.ZERO) : RetryCycle.parse(cycleText);
        int left = cycle.leftAfterFailure(locked.getRetries());
        LOG.warn("notification task {} ({} of {} {}) failed, {} retries left: {}", locked.getId(), locked.getActivityId(),
                locked.getProcessDefinitionKey(), locked.getBusinessKey(), left, e.toString());
        String message = e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        StringWriter details = new StringWriter();
        e.printStackTrace(new PrintWriter(details));
        try {
            shortTransaction.executeWithoutResult(status -> externalTasks.handleFailure(locked.getId(), workerId,
                    message.length() > 600 ? message.substring(0, 600) : message, details.toString(), left, cycle.interval().toMillis()));
        } catch (RuntimeException gone) {
            // the task was cancelled with its process, or its lock expired and another node has it: nothing to report to
            LOG.warn("notification task {}: the failure could not be reported: {}", locked.getId(), gone.toString());
        }
    }

    // -- polling ------------------------------------------------------------------------------------------------

    @Override
    public void start() {
        if (!settings.enabled()) {
            return;
        }
        java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "notification-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        long interval = settings.pollInterval().toMillis();
        for (int i = 0; i < settings.threads(); i++) {
            // staggered, each every threads x poll-interval: idle, the node still asks once per poll-interval in all;
            // busy, every poller fetches again at once after a non-empty batch (see poll)
            executor.scheduleWithFixedDelay(this::poll, interval * (i + 1), interval * settings.threads(), TimeUnit.MILLISECONDS);
        }
        poller = executor;
    }

    private void poll() {
        try {
            while (run(null) > 0 && poller != null && !poller.isShutdown()) {
                // more may be waiting: fetch again at once
            }
        } catch (RuntimeException e) {
            LOG.warn("notification worker: fetching tasks failed: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = poller;
        poller = null;
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    /** Stops before the process engine and the data source. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
