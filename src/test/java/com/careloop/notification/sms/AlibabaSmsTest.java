package com.careloop.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careloop.notification.NotificationProperties;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Alibaba Cloud SMS through its SDK against a loopback stub that checks the request's ACS3 signature. */
class AlibabaSmsTest {

    static final String KEY_ID = "LTAI-test-key";
    static final String SECRET = "alibaba-test-secret";

    static ProviderStub.Answer answer(ProviderStub.Request r) {
        if (!Signatures.alibabaValid(r, KEY_ID, SECRET)) {
            return new ProviderStub.Answer(400, "{\"Code\":\"SignatureDoesNotMatch\",\"Message\":\"Specified signature is not matched with our calculation.\",\"RequestId\":\"r-1\"}");
        }
        if ("SMS_UNAPPROVED".equals(Signatures.query(r.target()).get("TemplateCode"))) {
            return new ProviderStub.Answer(200, "{\"Code\":\"isv.SMS_TEMPLATE_ILLEGAL\",\"Message\":\"模板不合法\",\"RequestId\":\"r-2\"}");
        }
        return new ProviderStub.Answer(200, "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"900619746936498440^0\",\"RequestId\":\"r-3\"}");
    }

    static AlibabaSms provider(ProviderStub stub, String secret, Duration readTimeout) {
        var account = new SmsProviderProperties.Alibaba(KEY_ID, secret, "CareLoop客服", stub.address(), "HTTP", null);
        return new AlibabaSms(account, timeouts(readTimeout));
    }

    static NotificationProperties timeouts(Duration readTimeout) {
        return new NotificationProperties(false, null, null, null, null, Duration.ofSeconds(2), readTimeout, null);
    }

    static Map<String, String> variables() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("date", "12月3日 10:00");
        v.put("link", "https://careloop.example/s/abc");
        return v;
    }

    @Test
    void aSignedSendSmsWithSignNameTemplateAndVariablesReturnsTheBizId() throws Exception {
        try (ProviderStub stub = new ProviderStub(AlibabaSmsTest::answer)) {
            String id = provider(stub, SECRET, Duration.ofSeconds(5)).send(new ProviderSms("+8613800001000", "SMS_465000001", variables()));

            assertThat(id).isEqualTo("900619746936498440^0");
            ProviderStub.Request r = stub.last.get();
            assertThat(Signatures.alibabaValid(r, KEY_ID, SECRET)).isTrue();
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.header("x-acs-action")).isEqualTo("SendSms");
            assertThat(r.header("x-acs-version")).isEqualTo("2017-05-25");
            assertThat(r.header("authorization")).doesNotContain(SECRET);
            Map<String, String> q = Signatures.query(r.target());
            assertThat(q).containsEntry("PhoneNumbers", "13800001000").containsEntry("SignName", "CareLoop客服")
                    .containsEntry("TemplateCode", "SMS_465000001")
                    .containsEntry("TemplateParam", "{\"date\":\"12月3日 10:00\",\"link\":\"https://careloop.example/s/abc\"}");
        }
    }

    @Test
    void aWronglySignedRequestIsRefusedWithTheProvidersCode() throws Exception {
        try (ProviderStub stub = new ProviderStub(AlibabaSmsTest::answer)) {
            assertThatThrownBy(() -> provider(stub, "not-the-secret", Duration.ofSeconds(5))
                    .send(new ProviderSms("13800001000", "SMS_465000001", variables())))
                    .isInstanceOfSatisfying(SmsRefused.class, e -> assertThat(e.code()).isEqualTo("SignatureDoesNotMatch"))
                    .hasMessageNotContaining("13800001000");
        }
    }

    @Test
    void aTemplateTheProviderDoesNotAcceptIsARefusal() throws Exception {
        try (ProviderStub stub = new ProviderStub(AlibabaSmsTest::answer)) {
            assertThatThrownBy(() -> provider(stub, SECRET, Duration.ofSeconds(5)).send(new ProviderSms("13800001000", "SMS_UNAPPROVED", Map.of())))
                    .isInstanceOfSatisfying(SmsRefused.class, e -> assertThat(e.code()).isEqualTo("isv.SMS_TEMPLATE_ILLEGAL"));
        }
    }

    @Test
    void aProviderThatDoesNotAnswerFailsTheSendAfterTheReadTimeout() throws Exception {
        try (ProviderStub stub = new ProviderStub(AlibabaSmsTest::answer)) {
            stub.delayMillis = 3_000;
            assertThatThrownBy(() -> provider(stub, SECRET, Duration.ofMillis(500)).send(new ProviderSms("13800001000", "SMS_465000001", variables())))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("not reached");
        }
    }
}
