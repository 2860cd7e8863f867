package com.careloop.notification.sms;

/**
 * A Chinese SMS provider's send API. Every call is bounded by the connect and read timeouts of
 * careloop.notification (a provider that accepts and never answers fails the send); a refusal (wrong sign name, an
 * unapproved template, a blocked number, exhausted quota) throws {@link SmsRefused}; both fail the notification
 * task, which retries and finally raises an incident.
 */
public interface SmsProvider {

    /** "alibaba" or "tencent", the value of careloop.sms.provider that selects it. */
    String name();

    /** Sends the text; returns the provider's id of the message (Alibaba BizId, Tencent SerialNo), for receipts. */
    String send(ProviderSms sms);
}
