/**
 * Module webhook: the CRM's subscriptions to CareLoop's events (POST/GET/DELETE /api/webhooks), with the targets
 * refused that would make CareLoop call into its own network (server-side request forgery). Its table
 * webhook_subscription is written only here. Signed delivery (outbox, retries) is not built yet: a subscription is
 * registered and kept, nothing is sent.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"errors", "identity"})
package com.careloop.webhook;
