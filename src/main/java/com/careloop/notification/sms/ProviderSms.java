package com.careloop.notification.sms;

import com.careloop.customer.MainlandMobile;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One text as a Chinese SMS provider takes it: the recipient's mainland mobile number, a template the provider has
 * approved (模板, with the account's approved sign name 短信签名 in front) and the template's variables. Providers
 * refuse free text; the wording lives in the approved template. Variables keep their order: Tencent Cloud fills its
 * templates by position ({1}, {2}, …), Alibaba Cloud by name (${name}).
 */
public record ProviderSms(String phone, String templateCode, Map<String, String> variables) {

    /** The mainland-mobile rule is the customer module's ({@link MainlandMobile}), the one the survey channel uses. */
    public ProviderSms {
        if (!MainlandMobile.matches(phone)) {
            throw new IllegalArgumentException("not a mainland mobile number (1[3-9] and nine digits)");
        }
        if (templateCode == null || templateCode.isBlank()) {
            throw new IllegalArgumentException("no template code: providers send approved templates only");
        }
        variables = variables == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /** The eleven digits, without a country code. */
    public String nationalNumber() {
        return MainlandMobile.normalized(phone);
    }
}
