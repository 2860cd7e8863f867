package com.careloop.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerView;
import com.careloop.customer.CustomerRequest;
import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerTier;
import com.careloop.feedback.FeedbackRef;
import com.careloop.feedback.FeedbackService;
import com.careloop.feedback.FeedbackType;
import com.careloop.feedback.InboundFeedbackRequest;
import com.careloop.feedback.Urgency;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import com.careloop.testsupport.HistoryScan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 8, "a task list that says who and why" and "context in the task": the call task is named after the customer and
 * scenario, carries the list columns as task-local variables (masked phone, never the full number), its priority is
 * the scenario policy's, and its form context shows the customer's earlier follow-ups, open feedback and the scenario's
 * call script — nothing of another customer, and none of it in history.
 */
class CallTaskTest extends CareLoopTest {

    @Autowired ProcessEngine engine;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired FeedbackService feedback;
    @Autowired ScenarioPolicy policy;
    @Autowired CallScripts scripts;
    @Autowired JdbcTemplate jdbc;

    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(engine, customers, followUps);
    }

    CustomerView customer(String name, String phone, CustomerTier tier) {
        String id = "C-" + UUID.randomUUID().toString().substring(0, 8);
        return customers.upsert(new CustomerRequest(id, name, null, phone, null, tier, null, false, null, null, null, null, null, null))
                .customer();
    }

    Task callTask(FollowUpView f) {
        return fx.task(f.processInstanceId(), FollowUpService.CALL_TASK);
    }

    Map<String, Object> local(Task task) {
        return engine.getTaskService().getVariablesLocal(task.getId());
    }

    @Test
    void theTaskSaysWhomAndWhyWithoutTheFullNumber() {
        FollowUpView f = fx.followUp(customer("王芳", "13800001000", CustomerTier.STANDARD), Scenario.NEW_PURCHASE);
        Task task = callTask(f);
        assertThat(task.getName()).isEqualTo("回访 王芳 · 新客户回访");
        assertThat(local(task)).containsEntry("customerName", "王芳").containsEntry("customerPhoneMasked", "138****1000")
                .containsEntry("scenarioLabel", "新客户回访 New purchase").containsEntry("tierLabel", "普通客户 Standard")
                .containsEntry("followUpNumber", f.number());
        assertThat((String) local(task).get("callContext")).contains("王芳").contains("138\\*\\*\\*\\*1000")
                .contains("普通客户 Standard").contains("新客户回访 New purchase").doesNotContain("STANDARD");

        List<String> holding = new ArrayList<>();
        engine.getTaskService().getVariables(task.getId()).forEach((k, v) -> {
            if (String.valueOf(v).contains("13800001000")) holding.add(k);
        });
        assertThat(holding).as("variables holding the full number").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from act_ru_variable where text_ like '%13800001000%' or text2_ like '%13800001000%'",
                Long.class)).isZero();

        // a landline: VIP care of a mobile customer texts an appointment first (AppointmentTextTest)
        CustomerView vip = customer("李雷", "021-39002222", CustomerTier.VIP);
        Task vipTask = callTask(fx.followUp(vip, Scenario.VIP_CARE));
        assertThat(vipTask.getName()).isEqualTo("回访 李雷 · VIP 关怀");
        assertThat(local(vipTask)).containsEntry("tierLabel", "VIP 客户 VIP").containsEntry("customerPhoneMasked", "021****2222");
    }

    @Test
    void thePriorityIsTheScenarioPolicys() {
        for (Scenario scenario : Scenario.values()) {
            for (CustomerTier tier : CustomerTier.values()) {
                // a landline: every scenario is called (bpmn/surveyChannel.dmn texts mobiles first for some)
                FollowUpView f = fx.followUp(customer("客户", Fixtures.LANDLINE, tier), scenario);
                assertThat(callTask(f).getPriority()).as(scenario + " / " + tier).isEqualTo(policy.of(scenario, tier).priority());
            }
        }
    }

    @Test
    void theContextShowsThisCustomersHistoryOpenFeedbackAndTheScript() {
        CustomerView c = customer("韩梅梅", "13600003333", CustomerTier.STANDARD);
        CustomerView other = customer("其他客户", "13600004444", CustomerTier.STANDARD);
        FollowUpView earlier = fx.followUp(c, Scenario.NEW_PURCHASE);
        Task first = callTask(earlier);
        engine.getTaskService().claim(first.getId(), "agent1");
        engine.getTaskService().complete(first.getId(), Fixtures.vars("callOutcome", "REACHED", "satisfaction", 4, "nps", 8));
        FeedbackRef open = feedback.registerInbound(new InboundFeedbackRequest(c.id(), FeedbackType.SUGGESTION, Urgency.LOW, "希望延长保修"),
                "center1");
        FeedbackRef othersItem = feedback.registerInbound(new InboundFeedbackRequest(other.id(), FeedbackType.COMPLAINT, Urgency.URGENT,
                "别人的投诉"), "center1");

        FollowUpView now = followUps.start(c.id(), Scenario.CHURN_RISK, new NewFollowUp.Override("测试：冷却期内再次回访", "manager1"));
        Task task = callTask(now);
        String context = (String) local(task).get("callContext");
        assertThat(context).contains("最近回访 Last follow-ups").contains("新客户回访 New purchase").contains("已完成 Completed")
                .contains("已接通 Reached").contains("满意度 Satisfaction 4/5").contains("NPS 8");
        assertThat(context).contains("未结反馈 Open feedback").contains(open.number()).contains("建议 Suggestion").contains("低 Low");
        assertThat(context).doesNotContain(othersItem.number()).doesNotContain("其他客户").doesNotContain("13600003333")
                .doesNotContain("希望延长保修");
        assertThat((String) local(task).get("callScript")).isEqualTo(scripts.of(Scenario.CHURN_RISK)).contains(CallScripts.SECTIONS.get(0));

        // a retry: the task is created again by the listener itself, which adds this call's earlier attempts
        engine.getTaskService().claim(task.getId(), "agent1");
        engine.getTaskService().complete(task.getId(), Fixtures.vars("callOutcome", "NO_ANSWER"));
        fx.executeJobs(now.processInstanceId(), "Timer_RetryDue");
        Task retry = callTask(now);
        assertThat(retry.getName()).isEqualTo("回访 韩梅梅 · 流失预警");
        assertThat((String) local(retry).get("callContext")).contains("本次已拨打 Earlier attempts").contains("无人接听 No answer")
                .contains(open.number());
        assertThat(local(retry)).containsEntry("customerPhoneMasked", "136****3333");
    }

    @Test
    void historyKeepsTheModelsTaskNameAndNoneOfTheContext() {
        FollowUpView f = fx.followUp(customer("赵小曼", "13500005555", CustomerTier.STANDARD), Scenario.CHURN_RISK);
        Task task = callTask(f);
        engine.getTaskService().claim(task.getId(), "agent1");
        engine.getTaskService().complete(task.getId(), Fixtures.vars("callOutcome", "REFUSED"));
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult().getName())
                .isEqualTo("电话回访 Call customer");
        List<String> found = new ArrayList<>();
        for (String secret : List.of("赵小曼", "13500005555", "135****5555", "## 开场 Opening")) {
            found.addAll(HistoryScan.columnsContaining(jdbc, secret));
        }
        assertThat(found).as("history columns holding the task's context").isEmpty();
    }
}
