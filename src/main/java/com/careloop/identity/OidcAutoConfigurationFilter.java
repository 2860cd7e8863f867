package com.careloop.identity;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Spring Security runs only for the company login: while {@code careloop.oidc.enabled} is not true, Spring Boot's
 * security auto-configurations (the default login page and generated password, the filter chain, the OAuth2 client)
 * are left out, so that the default run behaves as without Spring Security on the classpath — the Camunda webapps'
 * own login, HTTP Basic and API keys on /api. Registered in META-INF/spring.factories.
 */
public class OidcAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    static final String ENABLED = "careloop.oidc.enabled";
    private static final String[] SECURITY_PACKAGES = {
            "org.springframework.boot.autoconfigure.security.", "org.springframework.boot.actuate.autoconfigure.security."};

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean on = environment != null && environment.getProperty(ENABLED, Boolean.class, false);
        boolean[] match = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            match[i] = on || !isSecurity(autoConfigurationClasses[i]);
        }
        return match;
    }

    static boolean isSecurity(String autoConfigurationClass) {
        if (autoConfigurationClass == null) {
            return false;
        }
        for (String p : SECURITY_PACKAGES) {
            if (autoConfigurationClass.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
