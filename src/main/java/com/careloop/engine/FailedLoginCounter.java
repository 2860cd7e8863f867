package com.careloop.engine;

import io.micrometer.core.instrument.Counter;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camunda's database identity provider, counting and logging every refused password check. Engine internals
 * (org.camunda.bpm.engine.impl) because the identity provider is the one place every login passes: /api,
 * /engine-rest and the webapps' login form alike. The throttle itself is the engine's (growing delay, time-limited
 * lock; see camunda.bpm.generic-properties login-* in application.yml).
 */
public class FailedLoginCounter extends DbIdentityServiceProvider {

    private static final Logger LOG = LoggerFactory.getLogger(FailedLoginCounter.class);

    private final Counter failures;

    public FailedLoginCounter(Counter failures) {
        this.failures = failures;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        boolean ok = super.checkPassword(userId, password);
        if (!ok) {
            failures.increment();
            LOG.warn("Login refused for user '{}' (wrong password, unknown user or throttled)", printable(userId));
        }
        return ok;
    }

    /** The user id as typed by an anonymous caller: no line breaks or control characters in the log, at most 64 characters. */
    static String printable(String userId) {
        if (userId == null) {
            return "";
        }
        String s = userId.replaceAll("\\p{Cntrl}", "?");
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }
}
