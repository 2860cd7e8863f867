package com.careloop.notification.sms;

import com.aliyun.dysmsapi20170525.Client;
import com.aliyun.dysmsapi20170525.models.SendSmsRequest;
import com.aliyun.dysmsapi20170525.models.SendSmsResponse;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teautil.models.RuntimeOptions;
import com.careloop.notification.NotificationProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Alibaba Cloud SMS (阿里云短信服务, API dysmsapi 2017-05-25, action SendSms) through Alibaba's SDK, which signs each
 * request (ACS3-HMAC-SHA256 over the canonical request, AccessKey secret never sent). The SDK's own retries are off:
 * a failed send fails the notification task, whose retry cycle is the model's.
 */
class AlibabaSms implements SmsProvider {

    private final Client client;
    private final String signName;
    private final RuntimeOptions runtime;
    private final ObjectMapper json = new ObjectMapper();

    AlibabaSms(SmsProviderProperties.Alibaba account, NotificationProperties timeouts) {
        Config config = new Config()
                .setAccessKeyId(SmsProviderProperties.required(account.accessKeyId(), "careloop.sms.alibaba.access-key-id"))
                .setAccessKeySecret(SmsProviderProperties.required(account.accessKeySecret(), "careloop.sms.alibaba.access-key-secret"))
                .setEndpoint(account.endpoint())
                .setProtocol(account.protocol())
                .setConnectTimeout((int) timeouts.connectTimeout().toMillis())
                .setReadTimeout((int) timeouts.readTimeout().toMillis());
        String[] proxy = SmsProviderProperties.proxy(account.proxy(), "careloop.sms.alibaba.proxy");
        if (proxy != null) {
            String url = "http://" + proxy[0] + ":" + proxy[1];
            config.setHttpProxy(url).setHttpsProxy(url);
        }
        this.signName = SmsProviderProperties.required(account.signName(), "careloop.sms.alibaba.sign-name");
        this.runtime = new RuntimeOptions().setAutoretry(false).setMaxAttempts(1)
                .setConnectTimeout((int) timeouts.connectTimeout().toMillis())
                .setReadTimeout((int) timeouts.readTimeout().toMillis());
        try {
            this.client = new Client(config);
        } catch (Exception e) {
            throw new IllegalStateException("Alibaba Cloud SMS client: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "alibaba";
    }

    @Override
    public String send(ProviderSms sms) {
        SendSmsRequest request = new SendSmsRequest().setPhoneNumbers(sms.nationalNumber()).setSignName(signName)
                .setTemplateCode(sms.templateCode()).setTemplateParam(templateParam(sms));
        SendSmsResponse response;
        try {
            response = client.sendSmsWithOptions(request, runtime);
        } catch (TeaException e) {
            throw new SmsRefused(name(), e.getCode(), e.getMessage());
        } catch (Exception e) {
            throw new IllegalStateException("Alibaba Cloud SMS not reached: " + e.getMessage(), e);
        }
        var body = response.getBody();
        if (body == null || !"OK".equalsIgnoreCase(body.getCode())) {
            throw new SmsRefused(name(), body == null ? "NO_BODY" : body.getCode(), body == null ? null : body.getMessage());
        }
        return body.getBizId();
    }

    private String templateParam(ProviderSms sms) {
        try {
            return json.writeValueAsString(sms.variables());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("template variables", e);
        }
    }
}
