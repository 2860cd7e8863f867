package com.careloop.identity;

import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Outside the demo (no demo users) the administrator comes from the environment, CARELOOP_ADMIN_USER and
 * CARELOOP_ADMIN_PASSWORD: a missing or weak value stops the start, before the server listens, with a message
 * saying what to set. An administrator can deploy models, and a model's expressions run code on this server.
 */
@Component
@EnableConfigurationProperties(IdentityProperties.class)
public class AdminCredentials implements InitializingBean {

    static final int MIN_LENGTH = 12;
    private static final List<String> GUESSABLE = List.of("password", "passwort", "admin", "demo", "camunda", "careloop",
            "changeme", "secret", "welcome", "123456", "qwerty", "abc123", "111111");

    private final IdentityProperties props;

    public AdminCredentials(IdentityProperties props) {
        this.props = props;
    }

    @Override
    public void afterPropertiesSet() {
        if (!props.demoUsers()) {
            check(props.adminUser(), props.adminPassword());
        }
    }

    /** Throws with a clear message when the administrator's credentials from the environment are missing or weak. */
    public static void check(String user, String password) {
        String problem = problem(user, password);
        if (problem != null) {
            throw new WeakAdminPasswordException(problem);
        }
    }

    /** Why these credentials are refused, or null when they are acceptable. */
    static String problem(String user, String password) {
        if (user == null || user.isBlank()) {
            return "CARELOOP_ADMIN_USER is not set: outside the demo the administrator comes from the environment";
        }
        if (password == null || password.isBlank()) {
            return "CARELOOP_ADMIN_PASSWORD is not set for administrator '" + user + "'";
        }
        if (password.length() < MIN_LENGTH) {
            return "CARELOOP_ADMIN_PASSWORD is too short: at least " + MIN_LENGTH + " characters";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.contains(user.toLowerCase(Locale.ROOT))) {
            return "CARELOOP_ADMIN_PASSWORD must not contain the user id";
        }
        for (String word : GUESSABLE) {
            if (lower.contains(word)) {
                return "CARELOOP_ADMIN_PASSWORD contains the guessable word '" + word + "'";
            }
        }
        if (password.chars().distinct().count() < 6) {
            return "CARELOOP_ADMIN_PASSWORD repeats too few characters";
        }
        int classes = (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (classes < 3 && password.length() < 20) {
            return "CARELOOP_ADMIN_PASSWORD is weak: use 20+ characters, or 12+ mixing three of lower case, upper case,"
                    + " digits and symbols";
        }
        return null;
    }

    /** Stops the start; the message names the variable to fix. */
    public static class WeakAdminPasswordException extends IllegalStateException {

        public WeakAdminPasswordException(String problem) {
            super("CareLoop will not start: " + problem + ". The administrator can deploy process models, whose "
                    + "expressions run code on the server; set a strong CARELOOP_ADMIN_PASSWORD (see README, "
                    + "\"Who may deploy models\").");
        }
    }
}
