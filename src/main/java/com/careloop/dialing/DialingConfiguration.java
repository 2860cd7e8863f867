package com.careloop.dialing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(DialingProperties.class)
class DialingConfiguration {
}
