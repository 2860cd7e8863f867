package com.careloop.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.careloop.customer.CustomerRequest;
import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerView;
import com.careloop.followup.FollowUpService;
import com.careloop.notification.NotificationWorker;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The verification of inbound items (初步核实, Task_VerifyFeedback of bpmn/feedbackHandling.bpmn): every path — valid,
 * valid beside an urgent item's handling, invalid (the customer told), duplicate (merged) — and its SLA reminder and
 * escalation.
 */
class FeedbackVerificationProcessTest extends CareLoopTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired FeedbackService feedback;
    @Autowired NotificationWorker notifications;
    @Autowired JdbcTemplate jdbc;

    Fixtures fx;
    CustomerView customer;

    @BeforeEach
    void setUp() {
        init(engine);
        fx = new Fixtures(engine, customers, followUps);
        String id = "V-" + UUID.randomUUID().toString().substring(0, 8);
        customer = customers.upsertView(new CustomerRequest(id, "核实客户 " + id, null,
                "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)), id.toLowerCase() + "@example.com",
                null, null, false, null, null, null, null, null, null));
    }

    FeedbackItem register(Urgency urgency, String serial, String words) {
        return feedback.registerInboundItem(new InboundFeedbackRequest(customer.id(), null, null, FeedbackChannel.EMAIL, null, null,
                null, null, serial, null, FeedbackType.PROBLEM, urgency, null, words), "center1");
    }

    ProcessInstance pi(FeedbackItem item) {
        return runtime.createProcessInstanceQuery().processInstanceId(item.getProcessInstanceId()).singleResult();
    }

    FeedbackItem reload(FeedbackItem item) {
        return feedback.get(item.getId());
    }

    Task verifyTask(FeedbackItem item) {
        return fx.task(item.getProcessInstanceId(), FeedbackService.VERIFY_TASK);
    }

    void verify(FeedbackItem item, Object... keyValues) {
        fx.complete(verifyTask(item), keyValues);
    }

    List<String> progress(FeedbackItem item) {
        return jdbc.queryForList("select kind || ' ' || coalesce(note, '') from feedback_progress where feedback_item_id = ? order by id",
                String.class, item.getId());
    }

    @Test
    void aNormalItemWaitsForVerificationThenIsRoutedAsBefore() {
        FeedbackItem item = register(Urgency.NORMAL, null, "冰箱不制冷");
        ProcessInstance pi = pi(item);
        assertThat(pi).isWaitingAt(FeedbackService.VERIFY_TASK).hasPassed("EndEvent_AwaitVerification");
        Task verify = verifyTask(item);
        assertThat(verify).hasCandidateGroup("cs-center");
        assertThat(verify.getDueDate()).isAfter(Date.from(item.getCreatedAt()));
        assertThat(fx.job(pi.getId(), "Timer_VerifySlaBreached").getDuedate()).isEqualTo(verify.getDueDate());
        assertThat(fx.job(pi.getId(), "Timer_VerifySlaReminder").getDuedate()).isBefore(verify.getDueDate());
        assertThat(tasks.getVariableLocal(verify.getId(), VerifyTaskContext.REGISTER_FACTS).toString()).contains("邮件 E-mail");
        assertThat(reload(item).getStatus()).isEqualTo(FeedbackStatus.NEW);
        assertThat(reload(item).getDepartment()).isNull();

        verify(item, "verification", "VALID");
        assertThat(pi).isWaitingAt(FeedbackService.RESPOND_TASK)
                .hasPassedInOrder("Task_RecordVerification", "Gateway_AlreadyRouted", "Gateway_MergeRouting", "Task_ApplyRouting");
        assertThat(reload(item).getVerification()).isEqualTo(Verification.VALID);
        assertThat(reload(item).getStatus()).isEqualTo(FeedbackStatus.AWAITING_RESPONSE);
        assertThat(progress(item)).anyMatch(p -> p.startsWith("VERIFIED"));
    }

    @Test
    void anUrgentItemSkipsTheQueueAndIsVerifiedBesideItsHandling() {
        FeedbackItem item = register(null, null, "插座冒烟了");
        assertThat(item.getUrgency()).isEqualTo(Urgency.URGENT);
        ProcessInstance pi = pi(item);
        assertThat(pi).isWaitingAt(FeedbackService.VERIFY_TASK, FeedbackService.RESPOND_TASK, "Task_NotifyUrgentAssignment");
        verify(item, "verification", "VALID");
        assertThat(pi).hasPassed("EndEvent_VerifiedBeside").isWaitingAt(FeedbackService.RESPOND_TASK);
        assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceId(pi.getId()).activityId("Task_ApplyRouting").count())
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from act_hi_actinst where proc_inst_id_ = ? and act_id_ = 'Task_ApplyRouting'",
                Integer.class, pi.getId())).as("routed once").isEqualTo(1);
    }

    @Test
    void anInvalidItemIsClosedAndTheCustomerToldEvenWhileItsUrgentHandlingRuns() {
        FeedbackItem item = register(Urgency.URGENT, null, "测试一下");
        assertThatThrownBy(() -> verify(item, "verification", "INVALID")).hasMessageContaining(RecordVerification.INVALID_REASON);
        assertThat(reload(item).getStatus()).isEqualTo(FeedbackStatus.AWAITING_RESPONSE);

        verify(item, "verification", "INVALID", RecordVerification.INVALID_REASON, "客户表示是误操作提交");
        FeedbackItem closed = reload(item);
        assertThat(closed.getStatus()).isEqualTo(FeedbackStatus.CLOSED_INVALID);
        assertThat(closed.getResult()).isEqualTo(FeedbackResult.INVALID);
        assertThat(closed.getInvalidReason()).isEqualTo("客户表示是误操作提交");
        ProcessInstance pi = pi(item);
        assertThat(pi).isWaitingAt("Task_NotifyCustomerInvalid");

        notifications.runOnce(item.getNumber());
        notifications.runOnce(item.getNumber());
        assertThat(pi).isEnded().hasPassed("EndEvent_ClosedInvalid");
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).as("the urgent handling ended with it").isZero();
        List<Map<String, Object>> told = jdbc.queryForList(
                "select channel, recipient, body from notification_delivery where reference = ? and type = 'FEEDBACK_INVALID'", item.getNumber());
        assertThat(told).extracting(r -> r.get("recipient")).contains(customer.phone(), customer.email());
        assertThat(told.get(0).get("body").toString()).contains("客户表示是误操作提交");
        // the reason stays in the feedback tables: no history row carries it
        assertThat(jdbc.queryForObject("select count(*) from act_hi_varinst where text_ like '%误操作%'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from act_hi_detail where text_ like '%误操作%'", Integer.class)).isZero();
    }

    @Test
    void aDuplicateIsMergedIntoTheSuggestedOpenItem() {
        String serial = "DW2409-" + ThreadLocalRandom.current().nextInt(1_000_000);
        FeedbackItem first = register(Urgency.NORMAL, serial, "洗碗机漏水");
        verify(first, "verification", "VALID");
        FeedbackItem second = register(Urgency.NORMAL, serial, "洗碗机又漏水了，第二次打电话");
        String suggested = tasks.getVariableLocal(verifyTask(second).getId(), VerifyTaskContext.SUGGESTED_DUPLICATE).toString();
        assertThat(suggested).startsWith(first.getNumber()).contains("same serial number");

        assertThatThrownBy(() -> verify(second, "verification", "DUPLICATE", RecordVerification.DUPLICATE_OF, second.getNumber()))
                .hasMessageContaining(RecordVerification.DUPLICATE_OF);
        assertThatThrownBy(() -> verify(second, "verification", "DUPLICATE", RecordVerification.DUPLICATE_OF, "FB000000000000"))
                .hasMessageContaining(RecordVerification.DUPLICATE_OF);
        assertThat(reload(second).getStatus()).isEqualTo(FeedbackStatus.NEW);

        ProcessInstance secondPi = pi(second);
        verify(second, "verification", "DUPLICATE", RecordVerification.DUPLICATE_OF, first.getNumber());
        FeedbackItem merged = reload(second);
        assertThat(merged.getStatus()).isEqualTo(FeedbackStatus.MERGED);
        assertThat(merged.getMergedInto()).isEqualTo(first.getNumber());
        assertThat(merged.getResult()).isEqualTo(FeedbackResult.MERGED);
        assertThat(secondPi).isEnded().hasPassed("EndEvent_Merged");
        assertThat(progress(first)).anyMatch(p -> p.startsWith("MERGED") && p.contains(second.getNumber()) && p.contains("第二次打电话"));
        assertThat(pi(first)).isWaitingAt(FeedbackService.RESPOND_TASK);

        // the customer's third contact on this serial number: suggested URGENT (a registrar lowering it must say why)
        FeedbackItem third = register(null, serial, "还是漏水");
        assertThat(third.getUrgency()).isEqualTo(Urgency.URGENT);
        assertThatThrownBy(() -> verify(third, "verification", "DUPLICATE", RecordVerification.DUPLICATE_OF, second.getNumber()))
                .as("a merged item is closed").hasMessageContaining(RecordVerification.DUPLICATE_OF);
    }

    @Test
    void aLateVerificationRemindsTheCentreThenEscalatesToTheSupervisors() {
        FeedbackItem item = register(Urgency.LOW, null, "说明书丢了");
        ProcessInstance pi = pi(item);
        fx.executeJobs(pi.getId(), "Timer_VerifySlaReminder");
        assertThat(pi).isWaitingAt("Task_SendVerifyReminder");
        assertThat(notifications.runOnce(item.getNumber())).isEqualTo(1);
        assertThat(pi).hasPassed("EndEvent_VerifyReminderSent");

        fx.executeJobs(pi.getId(), "Timer_VerifySlaBreached");
        assertThat(tasks.getIdentityLinksForTask(verifyTask(item).getId())).extracting(IdentityLink::getGroupId)
                .containsExactlyInAnyOrder("cs-center", "cs-supervisors");
        assertThat(notifications.runOnce(item.getNumber())).isEqualTo(1);
        assertThat(pi).hasPassed("Task_EscalateVerification", "EndEvent_VerifyEscalated").isWaitingAt(FeedbackService.VERIFY_TASK);
        assertThat(progress(item)).anyMatch(p -> p.startsWith("ESCALATED") && p.contains("核实 verification"));
        assertThat(jdbc.queryForObject("select count(*) from notification_delivery where reference = ? and type in ('SLA_REMINDER', 'SLA_ESCALATION')",
                Integer.class, item.getNumber())).isPositive();
    }
}
