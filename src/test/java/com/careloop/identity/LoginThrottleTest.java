package com.careloop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.CareLoopTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Issue 11.8: wrong passwords sent without any credentials throttle the account for a while (growing delay,
 * capped) and are counted, but never lock it for good: after the delay the right password works again.
 */
class LoginThrottleTest extends CareLoopTest {

    @Autowired IdentityService identity;
    @Autowired TestRestTemplate rest;
    @Autowired MeterRegistry meters;

    @Test
    void wrongPasswordsThrottleButNeverLockPermanently() {
        String id = "throttle" + UUID.randomUUID().toString().substring(0, 6);
        User user = identity.newUser(id);
        user.setPassword("Richtig-Passwort-2026");
        identity.saveUser(user);
        double failedBefore = failedLogins();
        try {
            long now = System.currentTimeMillis();
            // one wrong password after each delay has passed (a try during the delay is refused unchecked)
            for (int i = 0; i < 15; i++) {
                now += 61_000;
                ClockUtil.setCurrentTime(new Date(now));
                assertThat(status("/engine-rest/task", id, "wrong" + i)).isEqualTo(HttpStatus.UNAUTHORIZED);
                assertThat(status("/api/customers/1", id, "wrong" + i)).isEqualTo(HttpStatus.UNAUTHORIZED);
            }
            // throttled: even the right password waits out the delay
            assertThat(status("/engine-rest/task", id, "Richtig-Passwort-2026")).isEqualTo(HttpStatus.UNAUTHORIZED);

            ClockUtil.setCurrentTime(new Date(now + 61_000));
            assertThat(status("/engine-rest/task", id, "Richtig-Passwort-2026"))
                    .as("the lock expires: not locked for good").isEqualTo(HttpStatus.OK);
            assertThat(failedLogins() - failedBefore).as("failed logins are counted").isGreaterThanOrEqualTo(31);
        } finally {
            ClockUtil.reset();
            identity.deleteUser(id);
        }
    }

    private double failedLogins() {
        var counter = meters.find("careloop.login.failures").counter();
        return counter == null ? 0 : counter.count();
    }

    private HttpStatus status(String path, String user, String password) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, password);
        return HttpStatus.valueOf(rest.exchange(path, HttpMethod.GET, new HttpEntity<>(h), String.class).getStatusCode().value());
    }
}
