package com.careloop.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts the outbox's due deliveries, polling every {@code careloop.webhooks.delivery.poll-interval}; any number of
 * nodes may poll, a row is claimed by one ({@link WebhookDeliveries#claimDue}). Each POST carries X-CareLoop-Event,
 * X-CareLoop-Delivery, X-CareLoop-Timestamp (epoch seconds) and X-CareLoop-Signature; the target is checked again
 * ({@link WebhookTargets#check}) and redirects are not followed. A 2xx delivers; anything else is tried again after
 * first-retry, doubling up to max-retry-interval, until retry-window (24 h) after the event, then the delivery is
 * FAILED, counted in the metric careloop.webhook.deliveries.failed, logged at WARN and, in the same transaction, handed to
 * an operator as a bpmn/webhookDeliveryFailed.bpmn instance ({@link WebhookIncidents}) whose redelivery
 * ({@link #redeliverOnce}) is an incident in Cockpit while the target still refuses. A delivery accepted after earlier
 * refusals (e.g. redelivered over REST) ends that instance.
 */
@Component
class WebhookDeliveryWorker {

    static final int BATCH = 20;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveryWorker.class);

    private final WebhookDeliveries deliveries;
    private final WebhookTargets targets;
    private final Clock clock;
    private final Duration firstRetry;
    private final Duration maxRetryInterval;
    private volatile Duration retryWindow;
    private final Duration readTimeout;
    private final HttpClient http;
    private final Counter failed;
    private final Counter delivered;
    private final WebhookIncidents incidents;
    private final TransactionTemplate inTransaction;
    private final TransactionTemplate inOwnTransaction;

    WebhookDeliveryWorker(WebhookDeliveries deliveries, WebhookTargets targets, Clock clock, ObjectProvider<MeterRegistry> meters,
                          WebhookIncidents incidents, PlatformTransactionManager transactions,
                          @Value("${careloop.webhooks.delivery.first-retry:PT30S}") Duration firstRetry,
                          @Value("${careloop.webhooks.delivery.max-retry-interval:PT1H}") Duration maxRetryInterval,
                          @Value("${careloop.webhooks.delivery.retry-window:PT24H}") Duration retryWindow,
                          @Value("${careloop.webhooks.delivery.connect-timeout:PT5S}") Duration connectTimeout,
                          @Value("${careloop.webhooks.delivery.read-timeout:PT10S}") Duration readTimeout) {
        this.deliveries = deliveries;
        this.targets = targets;
        this.clock = clock;
        this.firstRetry = firstRetry;
        this.maxRetryInterval = maxRetryInterval;
        this.retryWindow = retryWindow;
        this.readTimeout = readTimeout;
        this.incidents = incidents;
        this.inTransaction = new TransactionTemplate(transactions);
        this.inOwnTransaction = new TransactionTemplate(transactions);
        this.inOwnTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
        MeterRegistry registry = meters.getIfAvailable(() -> Metrics.globalRegistry);
        this.failed = Counter.builder("careloop.webhook.deliveries.failed")
                .description("Webhook deliveries given up after the retry window").register(registry);
        this.delivered = Counter.builder("careloop.webhook.deliveries.delivered")
                .description("Webhook deliveries the target accepted (2xx)").register(registry);
    }

    @Scheduled(fixedDelayString = "${careloop.webhooks.delivery.poll-interval:PT2S}",
            initialDelayString = "${careloop.webhooks.delivery.poll-interval:PT2S}")
    void poll() {
        try {
            int n;
            do {
                n = deliverDue();
            } while (n == BATCH);
        } catch (RuntimeException e) {
            LOG.warn("Webhook delivery poll failed: {}", e.toString());
        }
    }

    /** Delivers what is due now and claimed by this node; how many rows were claimed. */
    int deliverDue() {
        var claimed = deliveries.claimDue(BATCH);
        claimed.forEach(this::deliver);
        return claimed.size();
    }

    /** The target's answer to one POST: its status (null when there was none) and what went wrong, if anything. */
    record Answer(Integer status, String error) {
        boolean accepted() {
            return error == null;
        }
    }

    private void deliver(WebhookDeliveries.Claimed d) {
        Answer answer = post(d);
        if (!answer.accepted()) {
            failed(d, answer.status(), answer.error());
        } else if (d.attempts() == 0) {
            deliveries.delivered(d.id(), answer.status());
            delivered.increment();
        } else {
            // refused before: a webhookDeliveryFailed instance may be open for it (a redelivery over REST)
            inTransaction.executeWithoutResult(tx -> {
                deliveries.delivered(d.id(), answer.status());
                incidents.settled(d.deliveryId());
            });
            delivered.increment();
        }
    }

    private Answer post(WebhookDeliveries.Claimed d) {
        WebhookTargets.Verdict verdict = targets.check(d.url());
        if (!verdict.allowed()) {
            return new Answer(null, "target refused: " + verdict.reason());
        }
        byte[] body = d.payload().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(d.url())).timeout(readTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "CareLoop-Webhooks/1")
                .header("X-CareLoop-Event", d.event())
                .header("X-CareLoop-Delivery", d.deliveryId())
                .header("X-CareLoop-Timestamp", String.valueOf(clock.instant().getEpochSecond()))
                .header("X-CareLoop-Signature", WebhookSignature.of(d.secret(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300 ? new Answer(status, null) : new Answer(status, "HTTP " + status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, "interrupted");
        } catch (Exception e) {
            return new Answer(null, e.getClass().getSimpleName());
        }
    }

    private void failed(WebhookDeliveries.Claimed d, Integer status, String error) {
        Instant next = nextAttempt(d.attempts() + 1, d.retryFrom(), clock.instant());
        if (next == null) {
            // FAILED and the operator's process commit together: no given-up delivery without its incident
            inTransaction.executeWithoutResult(tx -> {
                deliveries.attemptFailed(d.id(), status, error, null);
                incidents.givenUp(d, status, error);
            });
            failed.increment();
            LOG.warn("Webhook delivery {} of subscription {} ({}) failed for good after {} attempts: {}", d.deliveryId(),
                    d.subscriptionId(), d.event(), d.attempts() + 1, error);
        } else {
            deliveries.attemptFailed(d.id(), status, error, next);
            LOG.info("Webhook delivery {} of subscription {} ({}) attempt {} failed: {}; again at {}", d.deliveryId(),
                    d.subscriptionId(), d.event(), d.attempts() + 1, error, next);
        }
    }

    /**
     * One more POST of a given-up delivery, now (the job of bpmn/webhookDeliveryFailed.bpmn's Task_RedeliverWebhook, so
     * Cockpit's "retry" on its incident runs it again). Nothing to do when it was delivered meanwhile or went with its
     * subscription. The delivery's rows are written in transactions of their own, so a refused attempt stays counted
     * when the job's transaction rolls back.
     *
     * @throws WebhookDeliveryStillFailing while the target refuses: the incident's message names subscription, event,
     *                                     delivery and last response — never the URL, the payload or the secret
     */
    void redeliverOnce(String deliveryId) {
        var claimed = inOwnTransaction.execute(tx -> deliveries.claim(deliveryId));
        if (claimed == null || claimed.isEmpty()) {
            var state = inOwnTransaction.execute(tx -> deliveries.stateOf(deliveryId));
            if (state == null || state.isEmpty() || WebhookDeliveries.DELIVERED.equals(state.get())) {
                LOG.info("Webhook delivery {} was delivered or removed meanwhile: nothing to redeliver", deliveryId);
                return;
            }
            throw new WebhookDeliveryStillFailing("Webhook 投递正由其他节点发送，请稍后重试 Webhook delivery " + deliveryId
                    + " is being posted by a node right now; retry in a minute");
        }
        WebhookDeliveries.Claimed d = claimed.get();
        Answer answer = post(d);
        if (answer.accepted()) {
            inOwnTransaction.executeWithoutResult(tx -> deliveries.delivered(d.id(), answer.status()));
            delivered.increment();
            LOG.info("Webhook delivery {} of subscription {} ({}) redelivered", d.deliveryId(), d.subscriptionId(), d.event());
            return;
        }
        inOwnTransaction.executeWithoutResult(tx -> deliveries.redeliveryFailed(d.id(), answer.status(), answer.error()));
        throw new WebhookDeliveryStillFailing("Webhook 投递仍失败 Webhook delivery still fails: subscription " + d.subscriptionId()
                + ", event " + d.event() + ", delivery " + d.deliveryId() + ", attempts " + (d.attempts() + 1)
                + ", last response " + (answer.status() == null ? answer.error() : "HTTP " + answer.status()));
    }

    /** Why Task_RedeliverWebhook failed: the incident's message. */
    static class WebhookDeliveryStillFailing extends RuntimeException {
        WebhookDeliveryStillFailing(String message) {
            super(message);
        }
    }

    /** The retry window from now on (tests shorten it to see the end of it); the one it replaces. */
    Duration useRetryWindow(Duration window) {
        Duration before = retryWindow;
        retryWindow = window;
        return before;
    }

    /** After {@code attempts} failures: first-retry doubled per attempt, at most max-retry-interval; null past the window. */
    Instant nextAttempt(int attempts, Instant retryFrom, Instant now) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(maxRetryInterval) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        if (wait.compareTo(maxRetryInterval) > 0) {
            wait = maxRetryInterval;
        }
        Instant next = now.plus(wait);
        Instant end = retryFrom.plus(retryWindow);
        if (!now.isBefore(end)) {
            return null;
        }
        return next.isAfter(end) ? end : next;
    }
}
