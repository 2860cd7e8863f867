package com.careloop.notification.sms;

import com.careloop.notification.NotificationProperties;
import com.careloop.notification.SmsChannel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SMS channel of the provider careloop.sms.provider names; for the default {@code outbox} none here (the
 * notification module's default channel keeps the texts in the delivery log, the outbox).
 */
@Configuration
@EnableConfigurationProperties(SmsProviderProperties.class)
class SmsProviderConfiguration {

    @Bean
    @ConditionalOnProperty(name = "careloop.sms.provider", havingValue = "alibaba")
    SmsChannel alibabaSms(SmsProviderProperties props, NotificationProperties timeouts) {
        return new ProviderSmsChannel(new AlibabaSms(props.alibaba(), timeouts), props.templates());
    }

    @Bean
    @ConditionalOnProperty(name = "careloop.sms.provider", havingValue = "tencent")
    SmsChannel tencentSms(SmsProviderProperties props, NotificationProperties timeouts) {
        return new ProviderSmsChannel(new TencentSms(props.tencent(), timeouts), props.templates());
    }
}
