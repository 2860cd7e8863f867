package com.careloop.notification.sms;

import com.careloop.notification.NotificationProperties;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.sms.v20210111.SmsClient;
import com.tencentcloudapi.sms.v20210111.models.SendSmsRequest;
import com.tencentcloudapi.sms.v20210111.models.SendSmsResponse;
import com.tencentcloudapi.sms.v20210111.models.SendStatus;

/**
 * Tencent Cloud SMS (腾讯云短信, API sms 2021-01-11, action SendSms) through Tencent's SDK, which signs each request
 * (TC3-HMAC-SHA256: a key derived from the SecretKey per day and service, the secret never sent). Template variables
 * go by position ({1}, {2}, … in the approved template), in the order the message lists them.
 */
class TencentSms implements SmsProvider {

    private final SmsClient client;
    private final String sdkAppId;
    private final String signName;

    TencentSms(SmsProviderProperties.Tencent account, NotificationProperties timeouts) {
        Credential credential = new Credential(
                SmsProviderProperties.required(account.secretId(), "careloop.sms.tencent.secret-id"),
                SmsProviderProperties.required(account.secretKey(), "careloop.sms.tencent.secret-key"));
        HttpProfile http = new HttpProfile();
        http.setEndpoint(account.endpoint());
        http.setProtocol(account.protocol().endsWith("://") ? account.protocol() : account.protocol() + "://");
        http.setReqMethod("POST");
        // the SDK counts in whole seconds; a timeout below one second would become none at all
        http.setConnTimeout(seconds(timeouts.connectTimeout()));
        http.setReadTimeout(seconds(timeouts.readTimeout()));
        http.setWriteTimeout(seconds(timeouts.readTimeout()));
        String[] proxy = SmsProviderProperties.proxy(account.proxy(), "careloop.sms.tencent.proxy");
        if (proxy != null) {
            http.setProxyHost(proxy[0]);
            http.setProxyPort(Integer.parseInt(proxy[1]));
        }
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        this.client = new SmsClient(credential, account.region(), profile);
        this.sdkAppId = SmsProviderProperties.required(account.sdkAppId(), "careloop.sms.tencent.sdk-app-id");
        this.signName = SmsProviderProperties.required(account.signName(), "careloop.sms.tencent.sign-name");
    }

    private static int seconds(java.time.Duration d) {
        return (int) Math.max(1, (d.toMillis() + 999) / 1000);
    }

    @Override
    public String name() {
        return "tencent";
    }

    @Override
    public String send(ProviderSms sms) {
        SendSmsRequest request = new SendSmsRequest();
        request.setSmsSdkAppId(sdkAppId);
        request.setSignName(signName);
        request.setTemplateId(sms.templateCode());
        request.setPhoneNumberSet(new String[] {"+86" + sms.nationalNumber()});
        request.setTemplateParamSet(sms.variables().values().toArray(String[]::new));
        SendSmsResponse response;
        try {
            response = client.SendSms(request);
        } catch (TencentCloudSDKException e) {
            if (e.getErrorCode() == null || e.getErrorCode().isBlank() || e.getErrorCode().startsWith("ClientSideError")) {
                throw new IllegalStateException("Tencent Cloud SMS not reached: " + e.getMessage(), e);
            }
            throw new SmsRefused(name(), e.getErrorCode(), e.getMessage());
        }
        SendStatus[] statuses = response.getSendStatusSet();
        if (statuses == null || statuses.length != 1) {
            throw new SmsRefused(name(), "NO_STATUS", "no send status for the one number sent");
        }
        if (!"Ok".equalsIgnoreCase(statuses[0].getCode())) {
            throw new SmsRefused(name(), statuses[0].getCode(), statuses[0].getMessage());
        }
        return statuses[0].getSerialNo();
    }
}
