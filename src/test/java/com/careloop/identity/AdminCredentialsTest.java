package com.careloop.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 11.10: outside the demo a missing or weak administrator password stops the start with a clear message. */
class AdminCredentialsTest {

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "NULL, Str0ng-Enough-Pass, CARELOOP_ADMIN_USER is not set",
            "admin, NULL, CARELOOP_ADMIN_PASSWORD is not set",
            "admin, '  ', CARELOOP_ADMIN_PASSWORD is not set",
            "admin, admin, too short",
            "admin, demo, too short",
            "root, Xy7-short, too short",
            "ops, ops-Ops-2026-xyz, must not contain the user id",
            "root, MyPassword2026!, guessable word 'password'",
            "root, aaaaaaaaaaaaaaaa, repeats too few characters",
            "root, lowercaseonlyx, is weak"})
    void weakOrMissingCredentialsStopTheStart(String user, String password, String why) {
        assertThatThrownBy(() -> AdminCredentials.check(user, password))
                .isInstanceOf(AdminCredentials.WeakAdminPasswordException.class)
                .hasMessageContaining("CareLoop will not start")
                .hasMessageContaining(why);
    }

    @Test
    void strongCredentialsPass() {
        assertThatCode(() -> AdminCredentials.check("admin", "Tq9#vL2m-Rw8xZ")).doesNotThrowAnyException();
        assertThatCode(() -> AdminCredentials.check("admin", "correct horse battery staple")).doesNotThrowAnyException();
    }

    @Test
    void theDemoRunIsExempt() {
        assertThatCode(() -> new AdminCredentials(new IdentityProperties(true, null, null)).afterPropertiesSet())
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new AdminCredentials(new IdentityProperties(false, "admin", "admin")).afterPropertiesSet())
                .hasMessageContaining("CARELOOP_ADMIN_PASSWORD is too short");
    }

    @Test
    void theStartEndsWithAShortExplanation() {
        var failure = new org.springframework.beans.factory.BeanCreationException("adminCredentials",
                new AdminCredentials.WeakAdminPasswordException("CARELOOP_ADMIN_PASSWORD is not set for administrator 'admin'"));
        var analysis = new WeakAdminPasswordFailureAnalyzer().analyze(failure);
        org.assertj.core.api.Assertions.assertThat(analysis.getDescription()).contains("CARELOOP_ADMIN_PASSWORD is not set");
        org.assertj.core.api.Assertions.assertThat(analysis.getAction()).contains("CARELOOP_ADMIN_PASSWORD");
    }
}
