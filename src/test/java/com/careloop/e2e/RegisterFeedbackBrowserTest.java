package com.careloop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerRequest;
import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerTier;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 9, "登记反馈 Register feedback" from Tasklist: center1 opens the start form (Tasklist's start dialog, in
 * Chinese), fills in a line of the register and starts it; the item is registered and the receipt task shows its FB
 * number.
 */
class RegisterFeedbackBrowserTest extends BrowserTest {

    @Autowired CustomerService customers;
    @Autowired TaskService tasks;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theServiceCentreRegistersFeedbackFromTheStartForm() {
        String id = "E2E-REG-" + UUID.randomUUID().toString().substring(0, 8);
        long customerId = customers.upsert(new CustomerRequest(id, "登记测试客户", null, "13755556666", null, CustomerTier.STANDARD, null, false,
                "e2e", null, null, null, null, null)).customer().id();

        Browser center = browser("center1");
        Tasklist.login(center);
        Webapps.assertChinese(center);
        center.go("/camunda/app/tasklist/default/#/?processStart=feedbackRegistration");
        center.visible(By.cssSelector("[cam-tasklist-form-camunda] .fjs-form"));
        center.waitForText("登记反馈 Register feedback");
        TaskForm form = new TaskForm(center, "registerFeedback");
        form.text("customerExternalId", id)
                .select("channel", "WECHAT")
                .text("contactPhone", "13755556666")
                .text("productModel", "KFR-35GW")
                .select("feedbackType", "PROBLEM")
                .text("description", "空调不制冷，外机有异响");
        center.capture("register-feedback-start-form-zh");
        WebElement start = center.visible(By.cssSelector(".modal-footer button.btn-primary[type=submit]"));
        center.script("arguments[0].scrollIntoView({block: 'center'})", start);
        start.click();

        String number = center.waitFor(d -> {
            List<String> n = jdbc.queryForList("select number from feedback_item where customer_id = ?", String.class, customerId);
            return n.isEmpty() ? null : n.get(0);
        }, Duration.ofSeconds(60));
        assertThat(jdbc.queryForObject("select channel from feedback_item where number = ?", String.class, number)).isEqualTo("WECHAT");
        Task receipt = tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey("Task_FeedbackRegistered").singleResult();
        assertThat(receipt.getAssignee()).isEqualTo("center1");
        center.go("/camunda/app/tasklist/default/#/?task=" + receipt.getId());
        center.waitForText(number);
        center.capture("register-feedback-receipt-zh");
    }
}
