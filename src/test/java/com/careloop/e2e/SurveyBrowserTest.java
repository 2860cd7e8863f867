package com.careloop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerRequest;
import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerTier;
import com.careloop.customer.CustomerView;
import com.careloop.followup.FollowUpService;
import com.careloop.followup.FollowUpView;
import com.careloop.followup.Scenario;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A customer's phone (390 × 844): a manager finds the survey text in the SMS outbox page, the link opens the survey page
 * in Chinese, it is answered by keyboard and touch, and the thank-you page follows. Screenshots:
 * target/e2e/survey-page.png, survey-thanks.png.
 */
class SurveyBrowserTest extends BrowserTest {

    @Autowired ProcessEngine engine;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;

    @Test
    void aSurveyLinkFromTheOutboxIsAnsweredOnAPhoneInChinese() {
        String mobile = String.format("139%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        CustomerView c = customers.upsert(new CustomerRequest("E2E-SURVEY-" + UUID.randomUUID().toString().substring(0, 8), "问卷测试客户", null,
                mobile, null, CustomerTier.STANDARD, null, false, null, null, null, null, null, null)).customer();
        FollowUpView f = followUps.start(c.id(), Scenario.USAGE);
        // outside texting hours the text waits for the opening: open them now (the notification worker sends it)
        Job opening = engine.getManagementService().createJobQuery().processInstanceId(f.processInstanceId())
                .activityId("Timer_TextingHoursOpen").singleResult();
        if (opening != null) {
            engine.getManagementService().executeJob(opening.getId());
        }

        Browser manager = browser("manager1").login("cockpit");
        manager.go("/camunda/careloop/sms-outbox.html");
        manager.visible(By.id("outbox-to")).sendKeys(mobile, Keys.ENTER);
        // the href is read inside the wait: each round submits the filter again, which renders the rows anew
        String href = manager.waitFor(d -> {
            d.findElement(By.id("outbox-filter")).submit();
            var links = d.findElements(By.cssSelector("#outbox-rows a[href*='/s/']"));
            try {
                return links.isEmpty() ? null : links.get(0).getAttribute("href");
            } catch (org.openqa.selenium.StaleElementReferenceException rendering) {
                return null;
            }
        }, java.time.Duration.ofSeconds(60));
        // the link names careloop.survey.base-url (this application's configured port; the test server's is random)
        href = href.replaceFirst("^https?://[^/]+", "");

        Browser phone = browser("customer");
        phone.driver().manage().window().setSize(new Dimension(390, 844));
        phone.go(href);
        phone.waitForText("满意度调查", "使用回访", "总体满意度");
        assertThat(phone.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        Long scrollWidth = phone.script("return document.documentElement.scrollWidth;");
        Long viewport = phone.script("return window.innerWidth;");
        assertThat(scrollWidth).as("no horizontal scrolling on a phone").isLessThanOrEqualTo(viewport);
        phone.capture("survey-page");

        // by keyboard: focus the first satisfaction radio and move with the arrow keys to 4
        WebElement first = phone.visible(By.id("satisfaction-1"));
        first.sendKeys(Keys.SPACE);
        first.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        assertThat(phone.visible(By.id("satisfaction-4")).isSelected()).isTrue();
        phone.visible(By.cssSelector("label[for='nps-9']")).click();
        phone.visible(By.id("comment")).sendKeys("师傅很专业，谢谢");
        phone.visible(By.cssSelector("button[type='submit']")).click();
        phone.waitForText("感谢您的反馈");
        phone.capture("survey-thanks");

        FollowUpView answered = followUps.get(f.number());
        assertThat(answered.survey()).isNotNull();
        assertThat(answered.survey().satisfaction()).isEqualTo(4);
        assertThat(answered.survey().nps()).isEqualTo(9);
    }
}
