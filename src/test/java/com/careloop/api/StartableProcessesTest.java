package com.careloop.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Issue 8: "Start process" in Tasklist lists only what a person should start. Processes started by the system — a
 * call's feedback items, the nightly trigger, the holiday upkeep — are {@code camunda:isStartableInTasklist="false"};
 * the screening run (with its start form) stays. (followUp's flag belongs to its model's owner.)
 */
class StartableProcessesTest extends CareLoopTest {

    static final List<String> STARTED_BY_THE_SYSTEM = List.of("feedbackHandling", "screeningNightly", "holidayCalendar");

    @Autowired TestRestTemplate rest;

    /** The request Tasklist's "Start process" dialog makes. */
    List<String> startable(String user) throws Exception {
        ResponseEntity<String> r = Api.as(rest, user).getRaw(
                "/engine-rest/process-definition?latestVersion=true&active=true&startableInTasklist=true&startablePermissionCheck=true"
                        + "&notStartableInTasklist=false&maxResults=100");
        List<String> keys = new ArrayList<>();
        for (JsonNode d : new ObjectMapper().readTree(r.getBody())) {
            keys.add(d.get("key").asText());
        }
        return keys;
    }

    @Test
    void systemStartedProcessesAreNotOfferedToPeople() throws Exception {
        for (String user : List.of("manager1", "demo")) {
            assertThat(startable(user)).as(user).doesNotContainAnyElementsOf(STARTED_BY_THE_SYSTEM).contains("screening");
        }
    }
}
