/**
 * Module webhook: the CRM's subscriptions to CareLoop's events (POST/GET/DELETE /api/webhooks), with the targets
 * refused that would make CareLoop call into its own network (server-side request forgery), and their signed
 * delivery: the followup, feedback and customer modules' events become outbox rows in the publishing transaction
 * ({@link com.careloop.webhook.WebhookEvents}), posted by {@link com.careloop.webhook.WebhookDeliveryWorker} in order per
 * aggregate with retries, listed and redelivered under /api/webhooks/{id}/deliveries; a delivery given up after the
 * retry window is an incident in Cockpit (bpmn/webhookDeliveryFailed.bpmn, {@link com.careloop.webhook.WebhookIncidents}). Its tables webhook_subscription
 * and webhook_delivery are written only here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"customer", "errors", "feedback", "followup", "identity"})
package com.careloop.webhook;
