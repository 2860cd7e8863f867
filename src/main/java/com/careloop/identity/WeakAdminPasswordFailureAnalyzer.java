package com.careloop.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A refused administrator password ends the start with a short "APPLICATION FAILED TO START" text, not a stack trace. */
public class WeakAdminPasswordFailureAnalyzer extends AbstractFailureAnalyzer<AdminCredentials.WeakAdminPasswordException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AdminCredentials.WeakAdminPasswordException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set CARELOOP_ADMIN_USER and a strong CARELOOP_ADMIN_PASSWORD (at least 12 characters mixing three of lower case,"
                        + " upper case, digits and symbols, or 20+ characters; not containing the user id or a common word)"
                        + " in the environment, then start again.", cause);
    }
}
