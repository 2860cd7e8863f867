package com.careloop.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerView;
import com.careloop.followup.AppointmentReply;
import com.careloop.followup.FollowUpService;
import com.careloop.followup.FollowUpView;
import com.careloop.followup.Scenario;
import com.careloop.notification.DeliveryLog;
import com.careloop.notification.NotificationWorker;
import com.careloop.sla.WorkCalendar;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The appointment text of bpmn/followUp.bpmn (seed 001; VIP care by bpmn/surveyChannel.dmn): the text names the planned
 * call; a reply 1 is noted on the call task; a reply 2 opens the call at once, on top of the list, asking for a new time
 * first; no reply: the call at the planned time. A landline gets no text.
 */
class AppointmentTextTest extends CareLoopTest {

    @Autowired ProcessEngine engine;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired NotificationWorker notifications;
    @Autowired DeliveryLog deliveries;
    @Autowired WorkCalendar calendar;
    @Autowired TestRestTemplate rest;

    Fixtures fx;

    @BeforeEach
    void setUp() {
        init(engine);
        fx = new Fixtures(engine, customers, followUps);
    }

    record Announced(CustomerView customer, FollowUpView followUp, ProcessInstance instance, Instant plannedAt) {}

    /** A VIP-care follow-up of a mobile customer whose appointment text went out. */
    Announced announced() {
        CustomerView c = fx.mobileCustomer();
        FollowUpView f = fx.followUp(c, Scenario.VIP_CARE);
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(f.processInstanceId()).singleResult();
        assertThat(pi).isWaitingAt("Timer_AppointmentTextingHours").hasPassed("Gateway_AppointmentText");
        fx.executeJobs(pi.getId(), "Timer_AppointmentTextingHours");
        assertThat(pi).isWaitingAt("Task_SendAppointmentText").hasPassed("Task_PlanAppointment");
        assertThat(notifications.runOnce(f.number())).isEqualTo(1);
        assertThat(pi).isWaitingAt("Gateway_AwaitAppointment");
        var texts = deliveries.texts(c.phone(), 5);
        assertThat(texts).hasSize(1);
        assertThat(texts.get(0).type()).isEqualTo("APPOINTMENT_TEXT");
        Instant planned = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .activityId("Timer_PlannedCallTime").singleResult().getDuedate().toInstant();
        ZonedDateTime at = planned.atZone(calendar.zone());
        assertThat(texts.get(0).body()).contains("计划于 " + at.getMonthValue() + "月" + at.getDayOfMonth() + "日 10:00 左右回访您")
                .contains("回复 1 确认，回复 2 改期").contains("TD");
        assertThat(at.toLocalTime()).isEqualTo(LocalTime.of(10, 0));
        assertThat(calendar.isWorkingDay(at.toLocalDate())).as("the call is planned on a working day").isTrue();
        assertThat(at.toLocalDate()).as("after the day of the text").isAfter(Instant.now().atZone(calendar.zone()).toLocalDate());
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).as("no call before the reply or the time").isZero();
        return new Announced(c, f, pi, planned);
    }

    ResponseEntity<String> reply(String from, String text) {
        String body = "{\"from\":\"" + from + "\",\"text\":\"" + text + "\"}";
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        h.set(SmsInboundController.SIGNATURE, SmsInboundTest.sign(body));
        return rest.postForEntity("/api/sms/inbound", new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), h), String.class);
    }

    String callContext(Task call) {
        return (String) engine.getTaskService().getVariableLocal(call.getId(), "callContext");
    }

    @Test
    void noReplyTheCallComesAtThePlannedTime() {
        Announced a = announced();
        fx.executeJobs(a.instance().getId(), "Timer_PlannedCallTime");
        assertThat(a.instance()).isWaitingAt("Task_CallCustomer").hasPassed("Timer_PlannedCallTime").hasNotPassed("Event_RescheduleRequested");
        Task call = fx.task(a.instance().getId(), "Task_CallCustomer");
        assertThat(call.getName()).doesNotContain("改期");
        assertThat(callContext(call)).contains("客户未回复，按计划拨打");
    }

    @Test
    void reply1IsNotedOnTheCallTask() {
        Announced a = announced();
        ResponseEntity<String> r = reply("+86" + a.customer().phone(), " 1 ");
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getBody()).contains("APPOINTMENT_CONFIRMED");
        assertThat(a.instance()).isWaitingAt("Gateway_AwaitAppointment");
        fx.executeJobs(a.instance().getId(), "Timer_PlannedCallTime");
        Task call = fx.task(a.instance().getId(), "Task_CallCustomer");
        assertThat(callContext(call)).contains("客户已回复 1 确认");
        assertThat(call.getPriority()).isLessThan(100);
    }

    @Test
    void reply2OpensTheCallAtOnceOnTopAskingForANewTime() {
        Announced a = announced();
        ResponseEntity<String> r = reply(a.customer().phone(), "2");
        assertThat(r.getBody()).contains("APPOINTMENT_RESCHEDULE");
        assertThat(a.instance()).isWaitingAt("Task_CallCustomer").hasPassed("Event_RescheduleRequested").hasNotPassed("Timer_PlannedCallTime");
        Task call = fx.task(a.instance().getId(), "Task_CallCustomer");
        assertThat(call.getName()).startsWith("【改期 Reschedule】");
        assertThat(call.getPriority()).isEqualTo(100);
        assertThat(callContext(call)).contains("请先改约").contains("客户回复 2 要求改期");
        assertThat(followUps.get(a.followUp().number()).status().name()).isEqualTo("OPEN");
    }

    @Test
    void aLateReply2PutsTheOpenCallOnTop() {
        Announced a = announced();
        fx.executeJobs(a.instance().getId(), "Timer_PlannedCallTime");
        assertThat(reply(a.customer().phone(), "2").getBody()).contains("APPOINTMENT_RESCHEDULE");
        assertThat(fx.task(a.instance().getId(), "Task_CallCustomer").getPriority()).isEqualTo(100);
    }

    @Test
    void aReplyWithoutAnOpenAppointmentIsIgnoredAndALandlineGetsNoText() {
        CustomerView landline = fx.customer();
        FollowUpView f = fx.followUp(landline, Scenario.VIP_CARE);
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(f.processInstanceId()).singleResult();
        assertThat(pi).isWaitingAt("Task_CallCustomer").hasPassed("Gateway_AppointmentText").hasNotPassed("Task_SendAppointmentText");
        CustomerView mobile = fx.mobileCustomer();
        assertThat(reply(mobile.phone(), "2").getBody()).contains("IGNORED");
        assertThat(AppointmentReply.ofText("12")).isNull();
    }
}
