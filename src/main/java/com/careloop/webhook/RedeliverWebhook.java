package com.careloop.webhook;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "再投递 Webhook Redeliver the webhook" of bpmn/webhookDeliveryFailed.bpmn: the delivery of the business
 * key is posted once more ({@link WebhookDeliveryWorker#redeliverOnce}); while the target refuses it throws, and the
 * job (no retries left) is an incident whose message names subscription, event, delivery and last response.
 */
@Component("redeliverWebhook")
class RedeliverWebhook implements JavaDelegate {

    private final WebhookDeliveryWorker worker;

    RedeliverWebhook(WebhookDeliveryWorker worker) {
        this.worker = worker;
    }

    @Override
    public void execute(DelegateExecution execution) {
        worker.redeliverOnce(execution.getProcessBusinessKey());
    }
}
