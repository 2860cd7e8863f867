package com.careloop.webhook;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The operator's view of a given-up delivery: a bpmn/webhookDeliveryFailed.bpmn instance per delivery (business key:
 * the delivery id), whose redelivery task becomes an incident in Cockpit while the target still refuses
 * ({@link RedeliverWebhook}); ended by the message WebhookDeliverySettled when the delivery got through another way
 * (a redelivery over REST) or went with its subscription.
 */
@Component
class WebhookIncidents {

    static final String PROCESS_KEY = "webhookDeliveryFailed";
    static final String SETTLED = "WebhookDeliverySettled";

    private final RuntimeService runtime;

    WebhookIncidents(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Starts the process for a delivery just given up, unless one is open for it already (a second window ran out). */
    void givenUp(WebhookDeliveries.Claimed d, Integer lastStatus, String lastError) {
        if (runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(d.deliveryId()).count() > 0) {
            return;
        }
        runtime.startProcessInstanceByKey(PROCESS_KEY, d.deliveryId(), Variables.createVariables()
                .putValue("deliveryId", d.deliveryId())
                .putValue("subscriptionId", d.subscriptionId())
                .putValue("event", d.event())
                .putValue("lastResponseStatus", lastStatus)
                .putValue("lastError", lastError));
    }

    /** Ends the delivery's process, if one is open: it was delivered after all, or removed. */
    void settled(String deliveryId) {
        runtime.createMessageCorrelation(SETTLED).processInstanceBusinessKey(deliveryId).correlateAll();
    }
}
