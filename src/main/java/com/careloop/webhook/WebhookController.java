package com.careloop.webhook;

import com.careloop.identity.ApiAccess;
import com.careloop.identity.ApiUser;
import com.careloop.identity.CareLoopGroups;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook subscriptions of the CRM, managed by cs-managers and administrators (or an API key with scope
 * webhooks:manage). A target inside CareLoop's own network is a 400 naming {@code url} ({@link WebhookTargets}).
 * Its events are delivered signed ({@link WebhookDeliveryWorker}); a subscription's deliveries are listed with their
 * attempts and can be sent again.
 */
@RestController
@RequestMapping("/api/webhooks")
class WebhookController {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WebhookController.class);
    static final Set<String> MANAGE_WEBHOOKS = Set.of(CareLoopGroups.CS_MANAGERS, CareLoopGroups.ADMIN);

    record SubscribeRequest(
            @Schema(description = "http(s) 地址 The http(s) URL deliveries go to; loopback, link-local and private targets are refused",
                    example = "https://crm.example.com/hooks/careloop") String url,
            @ArraySchema(schema = @Schema(allowableValues = {"followup.closed", "survey.answered", "feedback.created",
                    "feedback.status-changed", "feedback.closed", "customer.opted-out"}), minItems = 1) List<String> events,
            @Schema(description = "签名密钥 The shared secret of the HMAC-SHA256 signatures (16–200 characters; never shown again)",
                    example = "3c1d5e7f9a0b2c4d6e8f0a1b") String secret,
            @Schema(description = "载荷是否含客户原话 Whether payloads carry the customer's words (default false)") Boolean includeFreeText) {}

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final ApiAccess access;

    WebhookController(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries, ApiAccess access) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.access = access;
    }

    @PostMapping
    ResponseEntity<WebhookSubscriptions.View> subscribe(@RequestBody SubscribeRequest request) {
        ApiUser user = access.requireAny(MANAGE_WEBHOOKS);
        WebhookSubscriptions.View created = subscriptions.create(request.url(), request.events(), request.secret(),
                request.includeFreeText(), user.id());
        return ResponseEntity.created(URI.create("/api/webhooks/" + created.id())).body(created);
    }

    @GetMapping
    List<WebhookSubscriptions.View> list() {
        access.requireAny(MANAGE_WEBHOOKS);
        return subscriptions.list();
    }

    @GetMapping("/{id}")
    WebhookSubscriptions.View get(@PathVariable long id) {
        access.requireAny(MANAGE_WEBHOOKS);
        return subscriptions.get(id);
    }

    /** 204; 404 for an unknown id. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        ApiUser user = access.requireAny(MANAGE_WEBHOOKS);
        subscriptions.delete(id, user.id());
        return ResponseEntity.noContent().build();
    }

    /** The newest 100 deliveries of the subscription: status, attempts, last response status, times; 404 if unknown. */
    @GetMapping("/{id}/deliveries")
    List<WebhookDeliveries.View> deliveries(@PathVariable long id) {
        access.requireAny(MANAGE_WEBHOOKS);
        return deliveries.of(id);
    }

    /** 202: the delivery is sent again from now on (also a delivered or failed one), with a fresh retry window. */
    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    ResponseEntity<WebhookDeliveries.View> redeliver(@PathVariable long id, @PathVariable String deliveryId) {
        ApiUser user = access.requireAny(MANAGE_WEBHOOKS);
        WebhookDeliveries.View view = deliveries.redeliver(id, deliveryId);
        LOG.info("Webhook delivery {} of subscription {} redelivered by {}",
                deliveryId, id, user.id());
        return ResponseEntity.accepted().body(view);
    }
}
