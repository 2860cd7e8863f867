package com.careloop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerView;
import com.careloop.customer.CustomerRequest;
import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerTier;
import com.careloop.followup.FollowUpView;
import com.careloop.followup.FollowUpService;
import com.careloop.followup.Scenario;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What scripts/browser-check.js looked at, now in Selenium: a customer name that is HTML and markdown shows in the agent's
 * call form as text (no live link, no markup), and a manager's holiday task renders its form.
 */
class SafeTextBrowserTest extends BrowserTest {

    static final String EVIL_NAME = "<a href=\"https://evil.example/x\">点此领奖</a> [点我](https://evil.example)";

    @Autowired ProcessEngine engine;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;

    @Test
    void aCustomerNameOfHtmlAndMarkdownShowsAsText() {
        CustomerView c = customers.upsert(new CustomerRequest("E2E-HTML-" + UUID.randomUUID().toString().substring(0, 8), EVIL_NAME, null,
                "13800138000", null, CustomerTier.STANDARD, null, false, null, null, null, null, null, null)).customer();
        FollowUpView f = followUps.start(c.id(), Scenario.NEW_PURCHASE);
        Task call = engine.getTaskService().createTaskQuery().processInstanceId(f.processInstanceId())
                .taskDefinitionKey(FollowUpService.CALL_TASK).singleResult();

        Browser agent = browser("agent1");
        Tasklist tasklist = Tasklist.login(agent);
        agent.go("/camunda/app/tasklist/default/#/?task=" + call.getId());
        tasklist.form("callCustomer");
        agent.waitForText("点此领奖");
        assertThat(agent.all(By.cssSelector("a[href*='evil.example'], img[src*='evil.example']"))).as("live links from the name").isEmpty();
        assertThat(agent.visible(By.cssSelector("[cam-tasklist-form-camunda] .fjs-form")).getText()).contains("点此领奖");
    }

    @Test
    void aManagerMaintainsTheHolidaysInTheirForm() {
        Task waiting = engine.getTaskService().createTaskQuery().processDefinitionKey("holidayCalendar")
                .taskDefinitionKey("Task_MaintainHolidays").list().stream().findFirst().orElse(null);
        if (waiting == null) {
            // next year is on file: a task for a year that never will be, through the model's own task
            engine.getRuntimeService().createProcessInstanceByKey("holidayCalendar").startBeforeActivity("Task_MaintainHolidays")
                    .setVariable("missingYear", 2099).execute();
            waiting = engine.getTaskService().createTaskQuery().processDefinitionKey("holidayCalendar")
                    .taskDefinitionKey("Task_MaintainHolidays").singleResult();
        }
        Browser manager = browser("manager1");
        Tasklist tasklist = Tasklist.login(manager);
        manager.go("/camunda/app/tasklist/default/#/?task=" + waiting.getId());
        TaskForm form = tasklist.form("maintainHolidays");
        manager.waitForText("维护", "节假日数据 Holidays");
        assertThat(form.shows("holidaysCsv")).as("the holidays field").isTrue();
    }
}
