package com.careloop.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * bpmn/holidayCalendar.bpmn on PostgreSQL: the daily check asks cs-managers for next year's holidays from
 * 1 November, once; the task ends when the year is loaded in its form or over the API; health says UNKNOWN
 * with the missing year meanwhile.
 */
class HolidayCalendarProcessTest extends CareLoopTest {

    @Autowired TestRestTemplate rest;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired HolidayCalendar calendar;

    @Autowired RuntimeService runtime;

    @org.junit.jupiter.api.BeforeEach
    @AfterEach
    void resetClockAndEndLeftovers() {
        ClockUtil.reset();
        runtime.createProcessInstanceQuery().processDefinitionKey(CheckHolidayData.PROCESS_KEY).list()
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test cleanup"));
    }

    void at(String instant) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
    }

    void runDailyCheck() {
        Job timer = management.createJobQuery().processDefinitionKey(CheckHolidayData.PROCESS_KEY).timers().singleResult();
        assertThat(timer).as("the daily timer of holidayCalendar").isNotNull();
        management.executeJob(timer.getId());
    }

    List<Task> waiting() {
        return tasks.createTaskQuery().processDefinitionKey(CheckHolidayData.PROCESS_KEY)
                .taskDefinitionKey(CheckHolidayData.TASK_MAINTAIN).list();
    }

    ResponseEntity<String> submit(String user, String taskId, String csv) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        h.setBasicAuth(user, user);
        Map<String, Object> body = Map.of("variables", Map.of("holidaysCsv", Map.of("value", csv, "type", "String")));
        return rest.exchange("/engine-rest/task/" + taskId + "/submit-form", HttpMethod.POST, new HttpEntity<>(body, h), String.class);
    }

    void claim(String user, String taskId) {
        assertThat(Api.as(rest, user).postRaw("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> calendarHealth() {
        Map<String, Object> health = Api.anonymous(rest).get("/actuator/health").getBody();
        return (Map<String, Object>) ((Map<String, Object>) health.get("components")).get("calendar");
    }

    @Test
    void fromNovemberOneTaskWaitsUntilTheFormLoadsNextYear() {
        calendar.replaceYear(2033, "2033-01-03,HOLIDAY,元旦\n", "test");
        at("2033-10-31T01:00:00Z");
        runDailyCheck();
        assertThat(waiting()).isEmpty();

        at("2033-11-01T01:00:00Z");
        runDailyCheck();
        runDailyCheck();
        assertThat(waiting()).singleElement().satisfies(t -> {
            assertThat(t.getName()).contains("维护节假日").contains("2034");
            assertThat(tasks.getIdentityLinksForTask(t.getId())).anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("cs-managers"));
        });
        assertThat(calendarHealth()).containsEntry("status", "UNKNOWN");
        assertThat((Map<String, Object>) calendarHealth().get("details")).containsEntry("missingYear", 2034);
        assertThat(Api.anonymous(rest).get("/actuator/health").getBody()).containsEntry("status", "UP");

        String taskId = waiting().get(0).getId();
        assertThat(submit("manager1", taskId, "2034-01-02,HOLIDAY,元旦\n").getStatusCode()).as("only after claiming").isEqualTo(HttpStatus.FORBIDDEN);
        claim("manager1", taskId);
        ResponseEntity<String> bad = submit("manager1", taskId, "2034-01-02,HOLIDAY,元旦\n2035-01-01,HOLIDAY,x\n");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("line 2");
        assertThat(waiting()).extracting(Task::getId).containsExactly(taskId);
        assertThat(calendar.hasDataFor(2034)).isFalse();

        // submitted empty while the year is still missing: the task comes back
        assertThat(submit("manager1", taskId, "").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(waiting()).hasSize(1);

        claim("manager1", waiting().get(0).getId());
        assertThat(submit("manager1", waiting().get(0).getId(), "2034-01-02,HOLIDAY,元旦\n").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(waiting()).isEmpty();
        assertThat(calendar.hasDataFor(2034)).isTrue();
        assertThat(calendarHealth()).containsEntry("status", "UP");
        assertThat(calendar.years()).filteredOn(y -> y.year() == 2034).singleElement()
                .satisfies(y -> assertThat(y.updatedBy()).isEqualTo("manager1"));
    }

    @Test
    void loadingTheYearOverTheApiEndsTheWaitingTask() {
        calendar.replaceYear(2037, "2037-01-01,HOLIDAY,元旦\n", "test");
        at("2037-12-01T01:00:00Z");
        runDailyCheck();
        assertThat(waiting()).hasSize(1);
        String instance = waiting().get(0).getProcessInstanceId();

        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.valueOf("text/csv"));
        h.setBasicAuth("manager1", "manager1");
        assertThat(rest.exchange("/api/calendar/years/2038", HttpMethod.PUT, new HttpEntity<>("2038-01-01,HOLIDAY,元旦\n", h), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(waiting()).isEmpty();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId("EndEvent_LoadedElsewhere").count()).isEqualTo(1);
    }

    @Test
    void theApplicationChecksAtStartToo() {
        at("2041-12-01T01:00:00Z");
        calendar.replaceYear(2041, "2041-01-01,HOLIDAY,元旦\n", "test");
        calendar.checkNow();
        assertThat(waiting()).singleElement().satisfies(t -> assertThat(t.getName()).contains("2042"));
        calendar.checkNow();
        assertThat(waiting()).hasSize(1);
    }

    @Test
    void thisYearMissingIsAskedForAtOnce() {
        at("2040-03-01T01:00:00Z");
        assertThat(calendarHealth()).containsEntry("status", "UNKNOWN");
        runDailyCheck();
        assertThat(waiting()).singleElement().satisfies(t -> assertThat(t.getName()).contains("2040"));
        calendar.replaceYear(2040, "2040-01-02,HOLIDAY,元旦\n", "test");
        assertThat(waiting()).isEmpty();
    }
}
