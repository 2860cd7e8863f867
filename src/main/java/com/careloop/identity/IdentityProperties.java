package com.careloop.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * careloop.identity.*: demo users (default run only) and the administrator created from the environment
 * (CARELOOP_ADMIN_USER / CARELOOP_ADMIN_PASSWORD) everywhere else.
 */
@ConfigurationProperties("careloop.identity")
public record IdentityProperties(boolean demoUsers, String adminUser, String adminPassword) {
}
