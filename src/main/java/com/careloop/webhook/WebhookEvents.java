package com.careloop.webhook;

import com.careloop.customer.CustomerOptedOut;
import com.careloop.feedback.FeedbackEvent;
import com.careloop.followup.FollowUpClosed;
import com.careloop.followup.SurveyAnswered;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the followup, feedback and customer modules' events into webhook deliveries, synchronously in the publisher's
 * transaction (plain {@code @EventListener}): the outbox rows commit or roll back with the change, so a crash between
 * the change and the delivery loses nothing. Payload version 1: {@code {"version":1,"event":…,"deliveryId":…,
 * "occurredAt":…,"data":{…}}} with ids, numbers, statuses and scores; never a phone number, e-mail address or name, and
 * the customer's words ({@code description}, {@code text}) only for a subscription with includeFreeText.
 * feedback.status-changed: routed (also again), responded, resolved, reopened; a closing is feedback.closed.
 * customer.opted-out: the customer's ids, what was refused (CALLS: follow-up calls, TEXTS: texts) and the source (API,
 * IMPORT, ERASE, SMS_REPLY:&lt;keyword&gt;); published once per refusal.
 */
@Component
class WebhookEvents {

    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;

    WebhookEvents(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
    }

    @EventListener
    public void on(FeedbackEvent e) {
        String aggregate = "feedback:" + e.itemId();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("itemId", e.itemId());
        if (e instanceof FeedbackEvent.FeedbackOpened o) {
            data.put("number", o.number());
            data.put("source", o.source());
            data.put("channel", o.channel());
            data.put("type", o.type());
            data.put("urgency", o.urgency());
            data.put("customerTier", o.tier());
            data.put("followUpId", o.followUpId());
            data.put("productModel", o.productModel());
            data.put("batch", o.batch());
            enqueue(WebhookEvent.FEEDBACK_CREATED, aggregate, o.at(), data, "description", o.description());
        } else if (e instanceof FeedbackEvent.FeedbackRouted r) {
            data.put("status", "ROUTED");
            data.put("department", r.department());
            data.put("responseDueAt", text(r.responseDueAt()));
            data.put("resolutionDueAt", text(r.resolutionDueAt()));
            enqueue(WebhookEvent.FEEDBACK_STATUS_CHANGED, aggregate, r.at(), data, null, null);
        } else if (e instanceof FeedbackEvent.FeedbackResponded r) {
            data.put("status", "RESPONDED");
            data.put("resolvedOnFirstContact", r.resolvedOnFirstContact());
            enqueue(WebhookEvent.FEEDBACK_STATUS_CHANGED, aggregate, r.at(), data, null, null);
        } else if (e instanceof FeedbackEvent.FeedbackResolved r) {
            data.put("status", "RESOLVED");
            enqueue(WebhookEvent.FEEDBACK_STATUS_CHANGED, aggregate, r.at(), data, null, null);
        } else if (e instanceof FeedbackEvent.FeedbackReopened r) {
            data.put("status", "REOPENED");
            data.put("resolutionDueAt", text(r.resolutionDueAt()));
            enqueue(WebhookEvent.FEEDBACK_STATUS_CHANGED, aggregate, r.at(), data, null, null);
        } else if (e instanceof FeedbackEvent.FeedbackClosed c) {
            data.put("status", "CLOSED");
            data.put("result", c.result());
            data.put("reopenCount", c.reopenCount());
            enqueue(WebhookEvent.FEEDBACK_CLOSED, aggregate, c.at(), data, null, null);
        }
        // a sales lead's outcome (FeedbackLeadOutcome) is not one of the webhook events
    }

    @EventListener
    public void on(FollowUpClosed e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("followUpId", e.followUpId());
        data.put("scenario", e.scenario());
        data.put("customerTier", e.tier());
        data.put("result", e.result());
        data.put("reached", e.reached());
        data.put("purchaseIntent", e.purchaseIntent());
        enqueue(WebhookEvent.FOLLOWUP_CLOSED, "followup:" + e.followUpId(), e.closedAt(), data, null, null);
    }

    @EventListener
    public void on(SurveyAnswered e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("surveyId", e.surveyId());
        data.put("followUpId", e.followUpId());
        data.put("scenario", e.scenario());
        data.put("customerTier", e.tier());
        data.put("satisfaction", e.satisfaction());
        data.put("nps", e.nps());
        data.put("scoreAttitude", e.scoreAttitude());
        data.put("scoreExpertise", e.scoreExpertise());
        data.put("scoreTimeliness", e.scoreTimeliness());
        data.put("scoreResolution", e.scoreResolution());
        data.put("scoreConvenience", e.scoreConvenience());
        data.put("purchaseIntent", e.purchaseIntent());
        enqueue(WebhookEvent.SURVEY_ANSWERED, "followup:" + e.followUpId(), e.answeredAt(), data, "text", e.text());
    }

    @EventListener
    public void on(CustomerOptedOut e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("customerId", e.customerId());
        data.put("externalId", e.externalId());
        data.put("refused", e.refused().name());
        data.put("source", e.source());
        enqueue(WebhookEvent.CUSTOMER_OPTED_OUT, "customer:" + e.customerId(), e.at(), data, null, null);
    }

    /** One outbox row per subscription of the event; the free-text field only where the subscription asked for it. */
    private void enqueue(WebhookEvent event, String aggregate, Instant at, Map<String, Object> data, String freeTextField, String freeText) {
        for (WebhookSubscriptions.Subscriber s : subscriptions.subscribedTo(event)) {
            String deliveryId = WebhookDeliveries.newDeliveryId();
            Map<String, Object> d = new LinkedHashMap<>(data);
            if (freeTextField != null && s.includeFreeText()) {
                d.put(freeTextField, freeText);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("version", VERSION);
            body.put("event", event.value());
            body.put("deliveryId", deliveryId);
            body.put("occurredAt", text(at));
            body.put("data", d);
            try {
                deliveries.add(deliveryId, s.id(), event, aggregate, JSON.writeValueAsString(body));
            } catch (JsonProcessingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
