package com.careloop.followup;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(FollowUpProperties.class)
public class FollowUpConfiguration {
}
