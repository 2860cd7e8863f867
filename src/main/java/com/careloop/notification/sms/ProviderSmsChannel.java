package com.careloop.notification.sms;

import com.careloop.notification.SmsChannel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SMS channel when careloop.sms.provider names a provider: each message type is sent as the provider-approved
 * template careloop.sms.templates.&lt;TYPE&gt;.code names, its variables (in the message's order) under the names
 * careloop.sms.templates.&lt;TYPE&gt;.variables lists (Alibaba fills by name, Tencent by position). A type without an
 * approved template is not sent as free text (providers refuse it): the send fails, the notification task retries
 * and raises an incident that names the missing setting.
 */
class ProviderSmsChannel implements SmsChannel {

    private final SmsProvider provider;
    private final Map<String, SmsProviderProperties.Template> templates;

    ProviderSmsChannel(SmsProvider provider, Map<String, SmsProviderProperties.Template> templates) {
        this.provider = provider;
        this.templates = templates;
    }

    /** careloop.sms.provider's value: "alibaba" or "tencent". */
    String provider() {
        return provider.name();
    }

    @Override
    public boolean send(String phoneNumber, String text) {
        throw new IllegalStateException(provider.name() + " SMS sends approved templates only; this text has no message type");
    }

    @Override
    public boolean send(Text text) {
        deliver(text);
        return true;
    }

    @Override
    public Sent deliver(Text text) {
        SmsProviderProperties.Template template = templates.get(text.template());
        if (template == null || template.code() == null || template.code().isBlank()) {
            throw new IllegalStateException("no approved " + provider.name() + " template for message type " + text.template()
                    + ": set careloop.sms.templates." + text.template() + ".code");
        }
        return new Sent(true, provider.send(new ProviderSms(text.phoneNumber(), template.code(),
                variables(template.variables(), text.variables()))));
    }

    static Map<String, String> variables(List<String> names, List<String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            out.put(i < names.size() ? names.get(i) : String.valueOf(i + 1), values.get(i));
        }
        return out;
    }
}
