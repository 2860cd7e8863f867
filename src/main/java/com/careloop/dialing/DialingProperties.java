package com.careloop.dialing;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code careloop.dialing.*}: which {@link Dialer} is active ({@code reveal} | {@code http}) and, for {@code http},
 * the CTI's click-to-call URL and how long to wait for it.
 */
@ConfigurationProperties("careloop.dialing")
record DialingProperties(@DefaultValue("reveal") String adapter, @DefaultValue Http http) {

    record Http(URI url, @DefaultValue("3s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout) {}
}
