package com.careloop.notification.sms;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * careloop.sms.*: which SMS provider sends the texts ({@code outbox}, the default: none, texts stay in CareLoop;
 * {@code alibaba}: Alibaba Cloud SMS 阿里云短信; {@code tencent}: Tencent Cloud SMS 腾讯云短信) and each provider's
 * account: credentials, the approved sign name (短信签名) and, for tests against a stub or a private gateway, the
 * endpoint and protocol; for each message type (SURVEY_TEXT, …) the provider-approved template and the names of
 * its variables. Timeouts are careloop.notification.connect-timeout / read-timeout.
 */
@ConfigurationProperties("careloop.sms")
public record SmsProviderProperties(String provider, Alibaba alibaba, Tencent tencent, java.util.Map<String, Template> templates) {

    public SmsProviderProperties {
        templates = templates == null ? java.util.Map.of() : java.util.Map.copyOf(templates);
        provider = provider == null || provider.isBlank() ? "outbox" : provider.trim().toLowerCase(java.util.Locale.ROOT);
        alibaba = alibaba == null ? new Alibaba(null, null, null, null, null, null) : alibaba;
        tencent = tencent == null ? new Tencent(null, null, null, null, null, null, null, null) : tencent;
    }

    /**
     * Alibaba Cloud SMS (dysmsapi 2017-05-25): AccessKey, sign name; endpoint dysmsapi.aliyuncs.com over HTTPS;
     * {@code proxy} host:port of an outbound HTTP proxy where the network has one.
     */
    public record Alibaba(String accessKeyId, String accessKeySecret, String signName, String endpoint, String protocol,
                          String proxy) {
        public Alibaba {
            endpoint = endpoint == null || endpoint.isBlank() ? "dysmsapi.aliyuncs.com" : endpoint;
            protocol = protocol == null || protocol.isBlank() ? "HTTPS" : protocol.toUpperCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Tencent Cloud SMS (sms 2021-01-11): SecretId/SecretKey, the SMS application (SdkAppId), sign name, region
     * (ap-guangzhou); endpoint sms.tencentcloudapi.com over HTTPS; {@code proxy} host:port of an outbound HTTP proxy.
     */
    public record Tencent(String secretId, String secretKey, String sdkAppId, String signName, String region,
                          String endpoint, String protocol, String proxy) {
        public Tencent {
            region = region == null || region.isBlank() ? "ap-guangzhou" : region;
            endpoint = endpoint == null || endpoint.isBlank() ? "sms.tencentcloudapi.com" : endpoint;
            protocol = protocol == null || protocol.isBlank() ? "https" : protocol.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * careloop.sms.templates.&lt;MESSAGE_TYPE&gt;: the approved template's code (Alibaba SMS_465000001, Tencent 1234567)
     * and the names of its variables in the message's order (Alibaba fills ${name}; Tencent fills {1}, {2}, … by position).
     */
    public record Template(String code, java.util.List<String> variables) {
        public Template {
            variables = variables == null ? java.util.List.of() : java.util.List.copyOf(variables);
        }
    }

    /** host:port → {host, port}; null when no proxy is set. */
    static String[] proxy(String value, String property) {
        if (value == null || value.isBlank()) {
            return null;
        }
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || !value.substring(colon + 1).matches("\\d{1,5}")) {
            throw new IllegalStateException(property + " must be host:port, not " + value);
        }
        return new String[] {value.substring(0, colon).trim(), value.substring(colon + 1)};
    }

    static String required(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("careloop.sms.provider is set, but " + property + " is not");
        }
        return value;
    }
}
