package com.careloop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.followup.FollowUpView;
import com.careloop.followup.FollowUpService;
import com.careloop.followup.Scenario;
import com.careloop.testsupport.Api;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 8: the shipped Tasklist filters — each exists with its list columns (labelled) and sorts by priority, then due
 * date; an existing installation's filters are upgraded, and a second start changes nothing; a call an agent claims
 * stays in the "Unclaimed calls" list that agent is looking at (and leaves everybody else's). Through the engine REST
 * API as the users, with authorizations on, as Tasklist asks.
 */
class TasklistFiltersTest extends CareLoopTest {

    static final String UNCLAIMED = "待认领回访 Unclaimed calls";
    static final String MY_CALLS = "我的回访 My calls";
    static final String CALL_BACKS = "今日预约回拨 Call-backs today";
    static final List<String> SHIPPED = List.of(MY_CALLS, UNCLAIMED, "今日到期 Due today", "已超期 Overdue", "本组反馈 My team's feedback",
            CALL_BACKS, "我的任务 My tasks");

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired TaskService tasks;
    @Autowired FilterService filterService;
    @Autowired AuthorizationService authorizations;
    @Autowired TasklistFilters filters;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;

    final ObjectMapper json = new ObjectMapper();
    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(engine, customers, followUps);
    }

    JsonNode get(String user, String path) throws Exception {
        ResponseEntity<String> r = Api.as(rest, user).getRaw(path);
        assertThat(r.getStatusCode()).as(path + ": " + r.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(r.getBody());
    }

    String filterId(String name) {
        return filterService.createFilterQuery().filterName(name).singleResult().getId();
    }

    /** The first page as Tasklist asks for it (its own sorting added after the filter's). */
    List<String> page(String user, String filter, int max) throws Exception {
        ResponseEntity<String> r = Api.as(rest, user).postRaw("/engine-rest/filter/" + filterId(filter) + "/list?firstResult=0&maxResults=" + max,
                "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}");
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(HttpStatus.OK);
        List<String> ids = new ArrayList<>();
        json.readTree(r.getBody()).forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }

    Task callOf(FollowUpView f) {
        return fx.task(f.processInstanceId(), TaskAccessPolicy.CALL_TASK);
    }

    @Test
    void everyShippedFilterHasLabelledColumnsAndSortsByPriorityThenDueDate() throws Exception {
        JsonNode list = get("agent1", "/engine-rest/filter?resourceType=Task&itemCount=true");
        List<String> names = new ArrayList<>();
        list.forEach(f -> names.add(f.get("name").asText()));
        assertThat(names).containsAll(SHIPPED);
        for (JsonNode f : list) {
            if (!SHIPPED.contains(f.get("name").asText())) {
                continue;
            }
            String name = f.get("name").asText();
            assertThat(f.get("itemCount").isNumber()).as(name + " count").isTrue();
            JsonNode columns = f.at("/properties/variables");
            assertThat(columns.isArray() && columns.size() > 0).as(name + " columns").isTrue();
            List<String> columnNames = new ArrayList<>();
            columns.forEach(c -> {
                columnNames.add(c.get("name").asText());
                assertThat(c.get("label").asText()).as(name + ": label of " + c.get("name")).matches(".*\\p{IsHan}.* .*[A-Za-z].*");
            });
            assertThat(columnNames).as(name).contains("customerName", "customerPhoneMasked");
            JsonNode sorting = get("agent1", "/engine-rest/filter/" + f.get("id").asText()).at("/query/sorting");
            assertThat(sorting.size()).as(name + " sorting").isGreaterThanOrEqualTo(2);
            assertThat(sorting.get(0).get("sortBy").asText() + " " + sorting.get(0).get("sortOrder").asText()).as(name).isEqualTo("priority desc");
            assertThat(sorting.get(1).get("sortBy").asText() + " " + sorting.get(1).get("sortOrder").asText()).as(name).isEqualTo("dueDate asc");
        }
        assertThat(columnsOf("本组反馈 My team's feedback")).contains("feedbackTypeLabel", "urgencyLabel");
        assertThat(columnsOf(UNCLAIMED)).contains("scenarioLabel", "tierLabel");
    }

    List<String> columnsOf(String filter) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> vars = (List<Map<String, Object>>) filterService.getFilter(filterId(filter)).getProperties().get("variables");
        return vars.stream().map(v -> (String) v.get("name")).toList();
    }

    @Test
    void theFirstPageIsInPriorityThenDueDateOrder() throws Exception {
        fx.followUp(fx.customer(), Scenario.CHURN_RISK);
        fx.followUp(fx.customer(), Scenario.POST_RESOLUTION);
        fx.followUp(fx.customer(), Scenario.USAGE);
        List<String> ids = page("agent1", UNCLAIMED, 50);
        assertThat(ids).hasSizeGreaterThanOrEqualTo(3);
        List<Task> shown = ids.stream().map(id -> tasks.createTaskQuery().taskId(id).singleResult()).toList();
        for (int i = 1; i < shown.size(); i++) {
            Task a = shown.get(i - 1);
            Task b = shown.get(i);
            assertThat(a.getPriority()).as("priority order at " + i).isGreaterThanOrEqualTo(b.getPriority());
            if (a.getPriority() == b.getPriority() && a.getDueDate() != null && b.getDueDate() != null) {
                assertThat(a.getDueDate()).as("due-date order at " + i).isBeforeOrEqualTo(b.getDueDate());
            }
        }
    }

    @Test
    void aCallAnAgentClaimsStaysInTheirUnclaimedListAndLeavesTheOthers() throws Exception {
        FollowUpView f = fx.followUp(fx.customer(), Scenario.POST_RESOLUTION);
        Task call = callOf(f);
        int max = 1000;
        assertThat(page("agent1", UNCLAIMED, max)).contains(call.getId());
        assertThat(page("agent2", UNCLAIMED, max)).contains(call.getId());
        ResponseEntity<String> claimed = Api.as(rest, "agent1").postRaw("/engine-rest/task/" + call.getId() + "/claim", "{\"userId\":\"agent1\"}");
        assertThat(claimed.getStatusCode()).as(claimed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(page("agent1", UNCLAIMED, max)).as("agent1 still sees the call it claimed").contains(call.getId());
        assertThat(page("agent2", UNCLAIMED, max)).as("taken: gone from agent2's unclaimed list").doesNotContain(call.getId());
        assertThat(page("agent1", MY_CALLS, max)).contains(call.getId());
    }

    @Test
    void callBacksScheduledTodayAreTheCallTasksMarkedAsCallBacks() throws Exception {
        Task callBack = callOf(fx.followUp(fx.customer(), Scenario.USAGE));
        Task plain = callOf(fx.followUp(fx.customer(), Scenario.USAGE));
        // what the call task's listener does for a call created by the call-back timer
        tasks.setVariableLocal(callBack.getId(), TasklistFilters.CALLBACK_SCHEDULED, true);
        Task fresh = tasks.createTaskQuery().taskId(callBack.getId()).singleResult();
        fresh.setDueDate(new Date());
        tasks.saveTask(fresh);
        List<String> shown = page("agent1", CALL_BACKS, 1000);
        assertThat(shown).contains(callBack.getId()).doesNotContain(plain.getId());
    }

    @Test
    void anExistingInstallationsFiltersAreUpgradedAndASecondStartChangesNothing() throws Exception {
        Filter old = filterService.createFilterQuery().filterName(UNCLAIMED).singleResult();
        old.setQuery(tasks.createTaskQuery().taskCandidateGroup(CareLoopGroups.AGENTS).taskUnassigned());
        old.setProperties(Map.of("priority", 20, "description", "Follow-up calls nobody has claimed yet", "refresh", true));
        filterService.saveFilter(old);
        filterService.deleteFilter(filterId(CALL_BACKS));

        filters.run();
        filters.run();

        for (TasklistFilters.Definition d : filters.definitions()) {
            List<Filter> found = filterService.createFilterQuery().filterName(d.name()).list();
            assertThat(found).as(d.name()).hasSize(1);
            assertThat(found.get(0).getProperties()).as(d.name()).isEqualTo(TasklistFilters.properties(d));
            assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(found.get(0).getId())
                    .userIdIn(Authorization.ANY).count()).as(d.name() + ": readable by everyone, once").isEqualTo(1);
        }
        FollowUpView f = fx.followUp(fx.customer(), Scenario.USAGE);
        tasks.claim(callOf(f).getId(), "agent1");
        assertThat(page("agent1", UNCLAIMED, 1000)).as("the upgraded query, not the old unassigned-only one").contains(callOf(f).getId());
    }
}
