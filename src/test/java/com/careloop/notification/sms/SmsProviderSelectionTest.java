package com.careloop.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.notification.NotificationProperties;
import com.careloop.notification.SmsChannel;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** careloop.sms.provider picks the provider; a chosen provider without its account settings stops the start with their name. */
class SmsProviderSelectionTest {

    @Configuration
    @EnableConfigurationProperties(NotificationProperties.class)
    static class Timeouts {
    }

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Timeouts.class, SmsProviderConfiguration.class);

    @Test
    void theDefaultOutboxHasNoProvider() {
        context.run(c -> assertThat(c).hasNotFailed().doesNotHaveBean(SmsChannel.class));
    }

    @Test
    void alibabaWithItsAccount() {
        context.withPropertyValues("careloop.sms.provider=alibaba", "careloop.sms.alibaba.access-key-id=LTAI-x",
                        "careloop.sms.alibaba.access-key-secret=s", "careloop.sms.alibaba.sign-name=CareLoop")
                .run(c -> assertThat(((ProviderSmsChannel) c.getBean(SmsChannel.class)).provider()).isEqualTo("alibaba"));
    }

    @Test
    void tencentWithItsAccount() {
        context.withPropertyValues("careloop.sms.provider=tencent", "careloop.sms.tencent.secret-id=AKID-x",
                        "careloop.sms.tencent.secret-key=k", "careloop.sms.tencent.sdk-app-id=1400000001",
                        "careloop.sms.tencent.sign-name=CareLoop")
                .run(c -> assertThat(((ProviderSmsChannel) c.getBean(SmsChannel.class)).provider()).isEqualTo("tencent"));
    }

    @Test
    void aProviderWithoutItsSignNameDoesNotStart() {
        context.withPropertyValues("careloop.sms.provider=tencent", "careloop.sms.tencent.secret-id=AKID-x",
                        "careloop.sms.tencent.secret-key=k", "careloop.sms.tencent.sdk-app-id=1400000001")
                .run(c -> assertThat(c).hasFailed().getFailure().rootCause().hasMessageContaining("careloop.sms.tencent.sign-name"));
    }

    @Test
    void aMalformedProxyIsNamed() {
        context.withPropertyValues("careloop.sms.provider=alibaba", "careloop.sms.alibaba.access-key-id=LTAI-x",
                        "careloop.sms.alibaba.access-key-secret=s", "careloop.sms.alibaba.sign-name=CareLoop",
                        "careloop.sms.alibaba.proxy=proxy.internal")
                .run(c -> assertThat(c).hasFailed().getFailure().rootCause().hasMessageContaining("careloop.sms.alibaba.proxy"));
    }
}
