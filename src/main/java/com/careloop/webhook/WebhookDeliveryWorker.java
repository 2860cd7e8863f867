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

/**
 * Posts the outbox's due deliveries, polling every {@code careloop.webhooks.delivery.poll-interval}; any number of
 * nodes may poll, a row is claimed by one ({@link WebhookDeliveries#claimDue}). Each POST carries X-CareLoop-Event,
 * X-CareLoop-Delivery, X-CareLoop-Timestamp (epoch seconds) and X-CareLoop-Signature; the target is checked again
 * ({@link WebhookTargets#check}) and redirects are not followed. A 2xx delivers; anything else is tried again after
 * first-retry, doubling up to max-retry-interval, until retry-window (24 h) after the event, then the delivery is
 * FAILED, counted in the metric careloop.webhook.deliveries.failed and logged at WARN.
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
    private final Duration retryWindow;
    private final Duration readTimeout;
    private final HttpClient http;
    private final Counter failed;
    private final Counter delivered;

    WebhookDeliveryWorker(WebhookDeliveries deliveries, WebhookTargets targets, Clock clock, ObjectProvider<MeterRegistry> meters,
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

    private void deliver(WebhookDeliveries.Claimed d) {
        WebhookTargets.Verdict verdict = targets.check(d.url());
        if (!verdict.allowed()) {
            failed(d, null, "target refused: " + verdict.reason());
            return;
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
            if (status >= 200 && status < 300) {
                deliveries.delivered(d.id(), status);
                delivered.increment();
            } else {
                failed(d, status, "HTTP " + status);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(d, null, "interrupted");
        } catch (Exception e) {
            failed(d, null, e.getClass().getSimpleName());
        }
    }

    private void failed(WebhookDeliveries.Claimed d, Integer status, String error) {
        Instant next = nextAttempt(d.attempts() + 1, d.retryFrom(), clock.instant());
        deliveries.attemptFailed(d.id(), status, error, next);
        if (next == null) {
            failed.increment();
            LOG.warn("Webhook delivery {} of subscription {} ({}) failed for good after {} attempts: {}", d.deliveryId(),
                    d.subscriptionId(), d.event(), d.attempts() + 1, error);
        } else {
            LOG.info("Webhook delivery {} of subscription {} ({}) attempt {} failed: {}; again at {}", d.deliveryId(),
                    d.subscriptionId(), d.event(), d.attempts() + 1, error, next);
        }
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
