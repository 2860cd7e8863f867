package com.careloop.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** "Ready means ready": the start-up work is over before the port opens and before readiness turns ACCEPTING_TRAFFIC. */
class StartupTasksTest extends CareLoopTest {

    @Autowired
    StartupOrderProbe probe;
    @Autowired
    StartupTasks tasks;
    @Autowired
    ApplicationAvailability availability;
    @Autowired
    TestRestTemplate rest;

    @Test
    void startUpWorkIsDoneBeforeThePortOpensAndBeforeReadiness() {
        assertThat(probe.readinessWhenTasksCompleted).as("readiness while the start-up work had just finished")
                .isEqualTo(ReadinessState.REFUSING_TRAFFIC);
        assertThat(probe.usersWhenTasksCompleted).as("login users exist when the start-up work is over").isTrue();
        assertThat(probe.tasksCompletedWhenPortOpened).as("start-up work done when the web server opened its port").isTrue();
        assertThat(probe.readinessWhenPortOpened).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
        assertThat(probe.tasksCompletedWhenAcceptingTraffic).as("start-up work done when readiness turned ACCEPTING_TRAFFIC").isTrue();
        assertThat(probe.usersWhenAcceptingTraffic).as("demo users exist when readiness turned ACCEPTING_TRAFFIC").isTrue();
        assertThat(tasks.completed()).isTrue();
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
    }

    @Test
    void probesAnswerUpWithTheirGroups() {
        Map<String, Object> readiness = Api.anonymous(rest).get("/actuator/health/readiness").getBody();
        assertThat(readiness).containsEntry("status", "UP");
        assertThat(components(readiness)).containsKeys("readinessState", "db");
        Map<String, Object> liveness = Api.anonymous(rest).get("/actuator/health/liveness").getBody();
        assertThat(liveness).containsEntry("status", "UP");
        assertThat(components(liveness)).containsKeys("livenessState", "processEngine").doesNotContainKeys("db", "mail");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> components(Map<String, Object> health) {
        return (Map<String, Object>) health.get("components");
    }
}
