package com.careloop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerView;
import com.careloop.customer.CustomerRequest;
import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerTier;
import com.careloop.feedback.FeedbackService;
import com.careloop.followup.FollowUpView;
import com.careloop.followup.FollowUpService;
import com.careloop.followup.NewFollowUp;
import com.careloop.followup.Scenario;
import com.careloop.followup.ScenarioPolicy;
import com.careloop.testsupport.Api;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Issue 8's agent's day in a real browser, on the default run's demo data plus one customer of this test: (1) agent1 picks
 * the top unclaimed call by priority, sees whom and the customer's history, dials (reveal), meets the form's per-field
 * errors, records a reached call with a complaint and a suggestion; (2) supervisor1 responds to the complaint from
 * "my team's feedback" and resolves it; (3) agent1 does the re-visit, dialing from its form (reveal: the number for the
 * assignee only). After the submit of step 1 Tasklist names the two new feedback items. The steps build on each other
 * (ordered).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentDayBrowserTest extends BrowserTest {

    static final String COMPLAINT_WORDS = "安装师傅迟到三个小时，还弄脏了地板";
    static final String SUGGESTION_WORDS = "希望能在 App 里预约上门时间";

    /** What the steps pass on: the follow-up of this test's customer, the complaint's feedback number. */
    static String followUpNumber;
    static String complaintNumber;
    static CustomerView customer;

    @Autowired ProcessEngine engine;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired ScenarioPolicy policy;
    @Autowired com.careloop.survey.TextOptOuts optOuts;
    @Autowired TestRestTemplate rest;

    /** A VIP with an earlier, reached follow-up; now due for the scenario of the highest priority, unclaimed. */
    private FollowUpView customerWithHistory() {
        String id = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
        customer = customers.upsert(new CustomerRequest(id, "韩雪", "华兴科技", "13912345678", null, CustomerTier.VIP, null, false,
                "e2e", null, null, null, null, null)).customer();
        // texts refused (TD): whatever the top scenario's survey channel, this VIP is called (bpmn/surveyChannel.dmn)
        optOuts.refuse(customer.id(), java.time.Instant.now(), "e2e");
        FollowUpView earlier = followUps.start(customer.id(), Scenario.NEW_PURCHASE);
        Task first = engine.getTaskService().createTaskQuery().processInstanceId(earlier.processInstanceId())
                .taskDefinitionKey(FollowUpService.CALL_TASK).singleResult();
        engine.getTaskService().claim(first.getId(), "agent2");
        engine.getTaskService().complete(first.getId(), Map.of("callOutcome", "REACHED", "satisfaction", 4, "nps", 8));
        Scenario top = List.of(Scenario.values()).stream()
                .max(Comparator.comparingInt(s -> policy.of(s, CustomerTier.VIP).priority())).orElseThrow();
        return followUps.start(customer.id(), top, new NewFollowUp.Override("浏览器测试：再次回访 browser test", "manager1"));
    }

    @Test
    @Order(1)
    void agentPicksTheTopCallDialsAndRecordsTwoIssues() {
        FollowUpView call = customerWithHistory();
        followUpNumber = call.number();
        String callTaskId = task(call.processInstanceId(), FollowUpService.CALL_TASK).getId();

        Browser agent = browser("agent1");
        Tasklist tasklist = Tasklist.login(agent);
        Webapps.assertChinese(agent);
        tasklist.filter("待认领回访");
        List<Tasklist.Row> rows = tasklist.rows();
        List<Tasklist.Row> unclaimed = rows.stream().filter(r -> r.assignee().isEmpty()).toList();
        assertThat(unclaimed).as("unclaimed calls in the list").isNotEmpty();
        assertThat(rows).as("the list, by priority").isSortedAccordingTo(Comparator.comparingInt(Tasklist.Row::priority).reversed());
        Tasklist.Row top = unclaimed.get(0);
        assertThat(top.taskId()).as("the top unclaimed call is this test's VIP (highest scenario priority)").isEqualTo(callTaskId);
        assertThat(top.text()).as("the row says whom").contains("韩雪");
        agent.capture("tasklist-unclaimed-calls");

        TaskForm form = tasklist.open(top.taskId(), "callCustomer");
        tasklist.claim();
        // whom, and the customer's history: the earlier reached follow-up
        agent.waitForText("韩雪", "139****5678", "最近回访", "已接通", "NPS 8");
        assertThat(agent.text()).as("the full number before dialing").doesNotContain("13912345678");
        // README picture: the Chinese Tasklist, the call list and the claimed call's form with whom and the history
        agent.capture("tasklist-zh");

        // dial (reveal adapter): the dial page shows the number to the assignee, audited
        WebElement dial = agent.visible(By.cssSelector("[cam-tasklist-form-camunda] a[href*='dial.html']"));
        assertThat(dialInNewTab(agent, dial.getAttribute("href"), "dial-reveal")).as("the number revealed to the assignee")
                .isEqualTo("13912345678");
        assertThat(Api.as(rest, "manager1").getRaw("/api/audit/contact-access?user=agent1").getBody())
                .contains(followUpNumber).contains(callTaskId);

        // reached, a complaint chosen, nothing else filled in: per-field errors, nothing submitted
        form.select("callOutcome", "REACHED");
        form.select("feedbackType", "COMPLAINT");
        tasklist.clickComplete();
        Map<String, String> errors = form.waitForErrors();
        assertThat(errors.keySet()).as("fields with a message").contains("Number_satisfaction", "Number_nps", "Textarea_feedbackText");
        assertThat(errors.values()).as("messages in Chinese").allMatch(Webapps::hasChinese);
        agent.capture("call-form-errors");
        assertThat(engine.getTaskService().createTaskQuery().taskId(callTaskId).count()).as("the invalid form completed nothing").isOne();

        // a reached call with two issues: a complaint (issue 1) and a suggestion (issue 2)
        form.number("satisfaction", 2).number("nps", 3).number("scoreAttitude", 2);
        form.select("feedbackUrgency", "URGENT").text("feedbackText", COMPLAINT_WORDS);
        form.select("issue2Type", "SUGGESTION").select("issue2Urgency", "LOW").text("issue2Text", SUGGESTION_WORDS);
        assertThat(form.errors()).as("messages once the form is valid").isEmpty();
        // README picture: the call form with the two issues
        agent.capture("tasklist-call-form-zh");
        tasklist.clickComplete();
        agent.waitFor(d -> engine.getTaskService().createTaskQuery().taskId(callTaskId).count() == 0, Duration.ofSeconds(90));

        Map<String, Object> recorded = Api.as(rest, "manager1").get("/api/follow-ups/" + followUpNumber).getBody();
        assertThat(recorded).isNotNull();
        @SuppressWarnings("unchecked")
        List<String> numbers = (List<String>) recorded.get("feedbackNumbers");
        assertThat(numbers).as("one feedback item per issue").hasSize(2);

        // right after the submit, Tasklist tells the agent the numbers of the two new items (careloop/call-notice.js)
        WebElement notice = agent.visible(By.id("careloop-call-notice"));
        agent.waitFor(d -> notice.getText().contains(numbers.get(0)) && notice.getText().contains(numbers.get(1)));
        assertThat(notice.getText()).contains("已创建反馈单 Feedback created", followUpNumber);
        agent.capture("call-submitted-feedback-numbers");
        assertThat(engine.getTaskService().getTaskComments(callTaskId)).as("the call task's comment")
                .singleElement().satisfies(c -> assertThat(c.getFullMessage()).contains(numbers.get(0), numbers.get(1)));
        notice.findElement(By.tagName("button")).click();
        agent.waitFor(d -> d.findElements(By.id("careloop-call-notice")).isEmpty());
        List<String> types = new ArrayList<>();
        for (String n : numbers) {
            Map<String, Object> item = Api.as(rest, "manager1").get("/api/feedback/" + n).getBody();
            types.add((String) item.get("type"));
            if ("COMPLAINT".equals(item.get("type"))) {
                complaintNumber = n;
                assertThat(item).containsEntry("urgency", "URGENT").containsEntry("description", COMPLAINT_WORDS);
            }
        }
        assertThat(types).containsExactlyInAnyOrder("COMPLAINT", "SUGGESTION");
    }

    @Test
    @Order(2)
    void supervisorRespondsToTheComplaintAndResolvesIt() {
        assertThat(complaintNumber).as("the complaint recorded by step 1").isNotNull();
        String respondId = feedbackTask(FeedbackService.RESPOND_TASK).getId();

        Browser supervisor = browser("supervisor1");
        Tasklist tasklist = Tasklist.login(supervisor);
        tasklist.filter("本组反馈");
        Tasklist.Row row = tasklist.row(respondId);
        assertThat(row.text()).as("the row says whom").contains("韩雪");
        TaskForm respond = tasklist.open(respondId, "respondToCustomer");
        if (tasklist.canClaim()) {
            tasklist.claim();
        }
        supervisor.waitForText(complaintNumber, COMPLAINT_WORDS);
        respond.check("contactMade", true).text("responsePlan", "电话致歉，今天安排主管上门清洁并赠送保养券");
        tasklist.clickComplete();
        supervisor.waitFor(d -> engine.getTaskService().createTaskQuery().taskId(respondId).count() == 0, Duration.ofSeconds(90));

        Task resolveTask = feedbackTask(FeedbackService.RESOLVE_TASK);
        assertThat(resolveTask.getAssignee()).as("the resolve task goes to whoever responded").isEqualTo("supervisor1");
        tasklist.filter("我的任务");
        TaskForm resolve = tasklist.open(tasklist.row(resolveTask.getId()).taskId(), "resolveFeedback");
        supervisor.waitForText(COMPLAINT_WORDS, "今天安排主管上门清洁");
        assertThat(resolve.shows("salesOutcome")).as("sales outcomes on a complaint").isFalse();
        resolve.select("handlingOutcome", "RESOLVED").select("compensation", "COUPON").text("solution", "主管上门清洁地板并致歉，赠送保养券一张");
        tasklist.clickComplete();
        String resolveId = resolveTask.getId();
        supervisor.waitFor(d -> engine.getTaskService().createTaskQuery().taskId(resolveId).count() == 0, Duration.ofSeconds(90));
        assertThat(Api.as(rest, "manager1").get("/api/feedback/" + complaintNumber).getBody())
                .containsEntry("solution", "主管上门清洁地板并致歉，赠送保养券一张");
    }

    @Test
    @Order(3)
    void agentDoesTheRevisit() {
        assertThat(complaintNumber).as("the complaint resolved by step 2").isNotNull();
        Task revisit = feedbackTask(FeedbackService.CONFIRM_TASK);
        assertThat(revisit.getAssignee()).as("the re-visit goes to the agent who made the call").isEqualTo("agent1");

        Browser agent = browser("agent1");
        Tasklist tasklist = Tasklist.login(agent);
        tasklist.filter("我的回访");
        TaskForm confirm = tasklist.open(tasklist.row(revisit.getId()).taskId(), "confirmResolution");
        agent.waitForText(complaintNumber, "主管上门清洁地板并致歉", COMPLAINT_WORDS);

        // the re-visit's dial link: shown in the form, opens the dial page, which reveals the number to the assignee
        WebElement dial = agent.visible(By.cssSelector("[cam-tasklist-form-camunda] a[href*='dial.html?feedback=']"));
        assertThat(dial.getText()).as("the link's words").contains("拨打 Call");
        assertThat(dial.getAttribute("href")).endsWith("dial.html?feedback=" + complaintNumber);
        agent.capture("revisit-dial-link");
        String dialPage = dial.getAttribute("href");
        assertThat(dialInNewTab(agent, dialPage, "revisit-dial-reveal")).as("the number revealed to the re-visit's assignee")
                .isEqualTo("13912345678");
        assertThat(Api.as(rest, "manager1").getRaw("/api/audit/contact-access?user=agent1").getBody())
                .contains(complaintNumber).contains(revisit.getId());

        // anyone else opening the same dial page is refused and sees no number
        Browser other = browser("agent2");
        Tasklist.login(other);
        other.driver().get(dialPage);
        other.waitFor(d -> d.findElement(By.id("dial-status")).getAttribute("class").contains("error"));
        assertThat(other.driver().findElement(By.id("dial-tel")).isDisplayed()).as("a number shown to agent2").isFalse();
        assertThat(other.text()).doesNotContain("13912345678").contains("只有任务处理人可以拨打");
        other.capture("revisit-dial-refused-other-agent");
        confirm.select("callOutcome", "REACHED").check("customerSatisfied", true).number("satisfaction", 5);
        tasklist.clickComplete();
        String id = revisit.getId();
        agent.waitFor(d -> engine.getTaskService().createTaskQuery().taskId(id).count() == 0, Duration.ofSeconds(90));
        agent.waitFor(d -> "CLOSED".equals(Api.as(rest, "manager1").get("/api/feedback/" + complaintNumber).getBody().get("status")),
                Duration.ofSeconds(90));
        assertThat(Api.as(rest, "manager1").get("/api/feedback/" + complaintNumber).getBody())
                .containsEntry("result", "RESOLVED_SATISFIED");
    }

    /**
     * Opens the dial page in a new tab of the browser (as the form's link does), waits for the number it reveals, saves
     * a screenshot under that name and goes back to Tasklist's tab. The page names what is dialled.
     */
    private static String dialInNewTab(Browser agent, String dialPage, String capture) {
        String tasklistWindow = agent.driver().getWindowHandle();
        agent.driver().switchTo().newWindow(WindowType.TAB);
        agent.driver().get(dialPage);
        String revealed = agent.waitFor(d -> {
            String shown = d.findElement(By.id("dial-tel")).getText().trim();
            return shown.isEmpty() ? null : shown;
        });
        String reference = agent.driver().findElement(By.id("dial-reference")).getText();
        assertThat(dialPage.substring(dialPage.indexOf('=') + 1)).as("the page names the follow-up or feedback item")
                .satisfies(number -> assertThat(reference).contains(number));
        agent.capture(capture);
        agent.driver().close();
        agent.driver().switchTo().window(tasklistWindow);
        return revealed;
    }

    private Task task(String processInstanceId, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
    }

    /** The complaint's task of that kind, once the job executor has got there (feedback handling starts asynchronously). */
    private Task feedbackTask(String key) {
        long until = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < until) {
            ProcessInstance p = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(complaintNumber)
                    .processDefinitionKey("feedbackHandling").singleResult();
            if (p != null) {
                Task t = task(p.getId(), key);
                if (t != null) {
                    return t;
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no task " + key + " for " + complaintNumber + " within 120 s");
    }
}
