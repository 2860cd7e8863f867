package com.careloop.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tencent Cloud SMS through its SDK against a loopback stub that checks the request's TC3 signature. The stub is the
 * SDK's HTTP proxy, so the request names the real endpoint (sms.tencentcloudapi.com, service "sms") as a real one does.
 */
class TencentSmsTest {

    static final String SECRET_ID = "AKID-test";
    static final String SECRET_KEY = "tencent-test-key";

    static ProviderStub.Answer answer(ProviderStub.Request r) {
        if (!Signatures.tencentValid(r, SECRET_ID, SECRET_KEY, "sms")) {
            return new ProviderStub.Answer(200, "{\"Response\":{\"Error\":{\"Code\":\"AuthFailure.SignatureFailure\",\"Message\":\"The provided credentials could not be validated.\"},\"RequestId\":\"t-1\"}}");
        }
        if (r.bodyText().contains("\"TemplateId\":\"999\"")) {
            return new ProviderStub.Answer(200, "{\"Response\":{\"SendStatusSet\":[{\"SerialNo\":\"\",\"PhoneNumber\":\"+8613800001000\",\"Fee\":0,"
                    + "\"SessionContext\":\"\",\"Code\":\"FailedOperation.TemplateIncorrectOrUnapproved\",\"Message\":\"template unapproved\",\"IsoCode\":\"CN\"}],\"RequestId\":\"t-2\"}}");
        }
        return new ProviderStub.Answer(200, "{\"Response\":{\"SendStatusSet\":[{\"SerialNo\":\"2028:6376172542120000\",\"PhoneNumber\":\"+8613800001000\","
                + "\"Fee\":1,\"SessionContext\":\"\",\"Code\":\"Ok\",\"Message\":\"send success\",\"IsoCode\":\"CN\"}],\"RequestId\":\"t-3\"}}");
    }

    static TencentSms provider(ProviderStub stub, String secretKey) {
        var account = new SmsProviderProperties.Tencent(SECRET_ID, secretKey, "1400000001", "CareLoop客服", null, null, "http", stub.address());
        return new TencentSms(account, AlibabaSmsTest.timeouts(Duration.ofSeconds(5)));
    }

    @Test
    void aSignedSendSmsWithAppSignTemplateAndPositionalVariablesReturnsTheSerialNo() throws Exception {
        try (ProviderStub stub = new ProviderStub(TencentSmsTest::answer)) {
            String id = provider(stub, SECRET_KEY).send(new ProviderSms("13800001000", "1234567", AlibabaSmsTest.variables()));

            assertThat(id).isEqualTo("2028:6376172542120000");
            ProviderStub.Request r = stub.last.get();
            assertThat(Signatures.tencentValid(r, SECRET_ID, SECRET_KEY, "sms")).isTrue();
            assertThat(r.header("host")).isEqualTo("sms.tencentcloudapi.com");
            assertThat(r.header("x-tc-action")).isEqualTo("SendSms");
            assertThat(r.header("x-tc-version")).isEqualTo("2021-01-11");
            assertThat(r.header("x-tc-region")).isEqualTo("ap-guangzhou");
            assertThat(r.header("authorization")).doesNotContain(SECRET_KEY);
            JsonNode body = new ObjectMapper().readTree(r.body());
            assertThat(body.get("PhoneNumberSet").toString()).isEqualTo("[\"+8613800001000\"]");
            assertThat(body.get("SmsSdkAppId").asText()).isEqualTo("1400000001");
            assertThat(body.get("SignName").asText()).isEqualTo("CareLoop客服");
            assertThat(body.get("TemplateId").asText()).isEqualTo("1234567");
            assertThat(body.get("TemplateParamSet").toString()).isEqualTo("[\"12月3日 10:00\",\"https://careloop.example/s/abc\"]");
        }
    }

    @Test
    void aWronglySignedRequestIsRefusedWithTheProvidersCode() throws Exception {
        try (ProviderStub stub = new ProviderStub(TencentSmsTest::answer)) {
            assertThatThrownBy(() -> provider(stub, "not-the-key").send(new ProviderSms("13800001000", "1234567", Map.of())))
                    .isInstanceOfSatisfying(SmsRefused.class, e -> assertThat(e.code()).isEqualTo("AuthFailure.SignatureFailure"))
                    .hasMessageNotContaining("13800001000");
        }
    }

    @Test
    void aNumberTheProviderDoesNotSendToIsARefusal() throws Exception {
        try (ProviderStub stub = new ProviderStub(TencentSmsTest::answer)) {
            assertThatThrownBy(() -> provider(stub, SECRET_KEY).send(new ProviderSms("13800001000", "999", Map.of())))
                    .isInstanceOfSatisfying(SmsRefused.class, e -> assertThat(e.code()).isEqualTo("FailedOperation.TemplateIncorrectOrUnapproved"));
        }
    }
}
