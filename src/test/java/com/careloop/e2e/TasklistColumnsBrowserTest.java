package com.careloop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerRequest;
import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerTier;
import com.careloop.followup.FollowUpService;
import com.careloop.followup.Scenario;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 8, "a task list that says who": in the Chinese Tasklist, agent1's row of a call shows the filter's list
 * columns — the customer's name and masked phone (never the full number) — under their Chinese labels.
 */
class TasklistColumnsBrowserTest extends BrowserTest {

    static final String NAME = "林晓梅";
    static final String PHONE = "13712344321";

    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired TaskService tasks;

    @Test
    void anAgentsCallRowShowsTheCustomersNameAndMaskedPhone() {
        String id = "E2E-COL-" + UUID.randomUUID().toString().substring(0, 8);
        long customerId = customers.upsert(new CustomerRequest(id, NAME, "列表测试公司", PHONE, null, CustomerTier.STANDARD, null, false,
                "e2e", null, null, null, null, null)).customer().id();
        String processInstanceId = followUps.start(customerId, Scenario.NEW_PURCHASE).processInstanceId();
        Task call = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(FollowUpService.CALL_TASK).singleResult();
        // agent1's call, first in "My calls" (highest priority, due now) whatever else the demo data holds
        tasks.claim(call.getId(), "agent1");
        Task claimed = tasks.createTaskQuery().taskId(call.getId()).singleResult();
        claimed.setPriority(100);
        claimed.setDueDate(new Date());
        tasks.saveTask(claimed);

        Browser agent = browser("agent1");
        Tasklist tasklist = Tasklist.login(agent);
        Webapps.assertChinese(agent);
        tasklist.filter("我的回访");
        tasklist.row(call.getId());
        Map<String, String> columns = agent.waitFor(d -> {
            Map<String, String> shown = columns(agent, call.getId());
            return shown.containsKey("客户 Customer") ? shown : null;
        });
        agent.capture("tasklist-list-columns");
        assertThat(columns).as("the row's columns").containsEntry("客户 Customer", NAME).containsEntry("电话 Phone", "137****4321");
        assertThat(tasklist.row(call.getId()).text()).as("never the full number in the list").doesNotContain(PHONE);
    }

    /** The list columns of the task's row as shown: label (without its colon) -> value. */
    static Map<String, String> columns(Browser browser, String taskId) {
        List<List<String>> pairs = browser.script("""
                const a = document.querySelector("ol.tasks-list li.task h4.task a[href*='task=" + arguments[0] + "']");
                const li = a ? a.closest('li.task') : null;
                return li ? [...li.querySelectorAll('.variable-item')].map(v => [
                    (v.querySelector('.variable-label') || {innerText: ''}).innerText.trim(),
                    (v.querySelector('.variable-value') || {innerText: ''}).innerText.trim()]) : [];""", taskId);
        Map<String, String> out = new LinkedHashMap<>();
        pairs.forEach(p -> out.put(p.get(0).replaceAll("[:：]\\s*$", ""), p.get(1)));
        return out;
    }
}
