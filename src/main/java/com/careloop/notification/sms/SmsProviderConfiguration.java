package com.careloop.notification.sms;

import com.careloop.notification.NotificationProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The SMS provider careloop.sms.provider names; none for the default {@code outbox}. */
@Configuration
@EnableConfigurationProperties(SmsProviderProperties.class)
class SmsProviderConfiguration {

    @Bean
    @ConditionalOnProperty(name = "careloop.sms.provider", havingValue = "alibaba")
    SmsProvider alibabaSms(SmsProviderProperties props, NotificationProperties timeouts) {
        return new AlibabaSms(props.alibaba(), timeouts);
    }

    @Bean
    @ConditionalOnProperty(name = "careloop.sms.provider", havingValue = "tencent")
    SmsProvider tencentSms(SmsProviderProperties props, NotificationProperties timeouts) {
        return new TencentSms(props.tencent(), timeouts);
    }
}
