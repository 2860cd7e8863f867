package com.careloop.quality.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.notification.Delivery;
import com.careloop.notification.DeliveryLog;
import com.careloop.notification.NotificationWorker;
import com.careloop.quality.QualityKpis;
import com.careloop.testsupport.CareLoopTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Every path of bpmn/qualityReports.bpmn on PostgreSQL with the shipped holiday calendar: the three timer triggers,
 * a working day (sent at once: an e-mail with the XLSX to every cs-manager, in the delivery log), a weekend (the daily
 * report skipped), a public holiday (the monthly reports wait for the next working day), and a mail server that
 * fails (retried by the task's cycle, then an incident).
 */
class QualityReportsProcessTest extends CareLoopTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired ExternalTaskService externalTasks;
    @Autowired NotificationWorker notifications;
    @Autowired DeliveryLog deliveries;
    @Autowired JavaMailSender mailSender;
    @Autowired QualityKpis kpis;

    @AfterEach
    void resetClockAndEndLeftovers() {
        ClockUtil.reset();
        for (String trigger : List.of("qualityReportsDaily", "qualityReportsWeekly", "qualityReportsMonthly")) {
            runtime.createProcessInstanceQuery().processDefinitionKey(trigger).list()
                    .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test cleanup"));
        }
    }

    /** The wall clock at 08:00 in Shanghai on that date. */
    static void at(String date, String time) {
        ClockUtil.setCurrentTime(Date.from(java.time.LocalDateTime.parse(date + "T" + time).atZone(SHANGHAI).toInstant()));
    }

    /** Fires the timer of a trigger process, as the job executor would: @return the qualityReports instance it started */
    String fire(String triggerKey, String startEvent) {
        JobDefinition definition = management.createJobDefinitionQuery().processDefinitionKey(triggerKey).activityIdIn(startEvent).singleResult();
        assertThat(definition).as("the timer of " + triggerKey).isNotNull();
        Job timer = management.createJobQuery().jobDefinitionId(definition.getId()).singleResult();
        assertThat(timer).as("the timer job of " + triggerKey).isNotNull();
        List<String> before = instanceIds();
        management.executeJob(timer.getId());
        assertThat(management.createJobQuery().jobDefinitionId(definition.getId()).count()).as("the next cycle is scheduled").isEqualTo(1);
        List<String> started = new ArrayList<>(instanceIds());
        started.removeAll(before);
        assertThat(started).as("one qualityReports instance started by " + triggerKey).hasSize(1);
        return started.get(0);
    }

    private List<String> instanceIds() {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(QualityReportNotifications.PROCESS_KEY)
                .list().stream().map(HistoricProcessInstance::getId).toList();
    }

    void assertWaitingAt(String id, String activity) {
        assertThat(runtime.getActiveActivityIds(id)).containsExactly(activity);
    }

    void assertEndedHavingPassed(String id, String... activities) {
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult().getEndTime()).as("ended").isNotNull();
        assertThat(passed(id)).contains(activities);
    }

    List<String> passed(String id) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(id).finished().list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
    }

    Object variable(String id, String name) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName(name)
                .singleResult().getValue();
    }

    /** The mails of this instance's send (by subject), each with its XLSX attachments opened. */
    List<MimeMessage> mailsWithSubject(String text) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(text);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static List<XSSFWorkbook> workbooks(MimeMessage mail) throws Exception {
        List<XSSFWorkbook> books = new ArrayList<>();
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getFileName() != null) {
                assertThat(part.getContentType()).startsWith(XlsxReportWriter.CONTENT_TYPE);
                try (InputStream in = part.getInputStream()) {
                    books.add(new XSSFWorkbook(in));
                }
            }
        }
        return books;
    }

    @Test
    void onAWorkingMondayTheDailyReportOfFridayToSundayGoesToEveryManagerWithItsWorkbook() throws Exception {
        at("2026-11-30", "08:00");
        String pi = fire("qualityReportsDaily", "StartEvent_Daily");
        assertWaitingAt(pi, "Task_EmailReport");
        assertThat(variable(pi, PlanQualityReport.PERIOD)).isEqualTo("2026-11-27~2026-11-29");
        assertThat(variable(pi, PlanQualityReport.FROM)).isEqualTo("2026-11-27");
        assertThat(runtime.getVariables(pi)).as("no workbook in the process")
                .allSatisfy((k, v) -> assertThat(v).isNotInstanceOf(byte[].class));
        String businessKey = runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey();
        assertThat(businessKey).isEqualTo("DAILY 2026-11-27~2026-11-29");

        assertThat(notifications.runOnce(businessKey)).isEqualTo(1);
        assertEndedHavingPassed(pi, "StartEvent_ReportDue", "Task_PlanReport", "Gateway_WhenToSend", "Gateway_MergeSend",
                "Task_EmailReport", "EndEvent_ReportSent");

        List<MimeMessage> mails = mailsWithSubject("2026-11-27~2026-11-29");
        assertThat(mails).flatExtracting(m -> Arrays.stream(m.getAllRecipients()).map(Object::toString).toList())
                .containsExactlyInAnyOrder("demo@careloop.local", "manager1@careloop.local");
        assertThat(mails.get(0).getSubject()).contains("服务日报");
        List<XSSFWorkbook> books = workbooks(mails.get(0));
        assertThat(books).singleElement().satisfies(wb -> {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("日报概览 (Daily overview)");
            assertThat(wb.getSheetAt(0).getRow(0).getCell(3).getStringCellValue()).isEqualTo("回访答卷 (Surveys)");
            assertThat(wb.getSheetAt(0).getRow(1).getCell(3).getNumericCellValue()).as("the KPI service's surveys of the three days")
                    .isEqualTo(kpis.report(java.time.LocalDate.parse("2026-11-27"), java.time.LocalDate.parse("2026-11-30"), null, null, null)
                            .totals().surveys());
        });
        List<Delivery> log = deliveries.byReference("DAILY 2026-11-27~2026-11-29");
        assertThat(log).hasSize(2).allSatisfy(d -> {
            assertThat(d.type()).isEqualTo(QualityReportNotifications.TYPE);
            assertThat(d.sent()).as("sent").isTrue();
            assertThat(d.body()).contains("careloop-daily-2026-11-27_2026-11-29.xlsx");
        });
    }

    @Test
    void onASaturdayTheDailyReportIsSkippedAndOnAWorkingMondayTheWeeklyOneIsSent() throws Exception {
        at("2026-11-28", "08:00");
        String skipped = fire("qualityReportsDaily", "StartEvent_Daily");
        assertEndedHavingPassed(skipped, "Task_PlanReport", "EndEvent_Skipped");
        assertThat(passed(skipped)).doesNotContain("Task_EmailReport");
        assertThat(passed(history.createHistoricProcessInstanceQuery().subProcessInstanceId(skipped).singleResult().getId()))
                .contains("StartEvent_Daily", "CallActivity_DailyReport", "EndEvent_DailyDone");

        at("2026-11-30", "08:00");
        String weekly = fire("qualityReportsWeekly", "StartEvent_Weekly");
        assertWaitingAt(weekly, "Task_EmailReport");
        assertThat(notifications.runOnce("WEEKLY 2026-W48")).isEqualTo(1);
        assertEndedHavingPassed(weekly, "EndEvent_ReportSent");
        MimeMessage mail = mailsWithSubject("2026-W48").get(0);
        assertThat(workbooks(mail)).singleElement().satisfies(wb ->
                assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("满意度趋势 (Satisfaction trend)"));
    }

    @Test
    void onNationalDayTheMonthlyReportsWaitForTheNextWorkingDayAndCarryBothWorkbooks() throws Exception {
        at("2026-10-01", "08:00");
        String monthly = fire("qualityReportsMonthly", "StartEvent_Monthly");
        assertWaitingAt(monthly, "Timer_NextWorkingDay");
        Job wait = management.createJobQuery().processInstanceId(monthly).activityId("Timer_NextWorkingDay").singleResult();
        assertThat(wait.getDuedate().toInstant()).as("Thursday 8 October, the first working day after the holiday, 08:00")
                .isEqualTo(Instant.parse("2026-10-08T00:00:00Z"));
        at("2026-10-08", "08:00");
        management.executeJob(wait.getId());
        assertWaitingAt(monthly, "Task_EmailReport");
        assertThat(notifications.runOnce("MONTHLY 2026-09")).isEqualTo(1);
        assertEndedHavingPassed(monthly, "Timer_NextWorkingDay", "Gateway_MergeSend", "EndEvent_ReportSent");

        MimeMessage mail = mailsWithSubject("2026-09").stream().filter(m -> {
            try {
                return m.getSubject().contains("月度");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
        assertThat(workbooks(mail)).extracting(wb -> wb.getSheetAt(0).getSheetName())
                .containsExactly("指标对比 (KPI comparison)", "客服绩效 (Agent performance)");
    }

    @Test
    void aFailingMailServerIsRetriedByTheTasksCycleThenAnIncident() {
        at("2026-12-01", "08:00");
        String pi = fire("qualityReportsDaily", "StartEvent_Daily");
        ExternalTask task = externalTasks.createExternalTaskQuery().processInstanceId(pi).singleResult();
        JavaMailSenderImpl smtp = (JavaMailSenderImpl) mailSender;
        int port = smtp.getPort();
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            smtp.setPort(closed.getLocalPort());
            closed.close(); // nothing listens there any more: the connection is refused
            notifications.runOnce("DAILY 2026-11-30");
            ExternalTask failed = externalTasks.createExternalTaskQuery().externalTaskId(task.getId()).singleResult();
            assertThat(failed.getRetries()).as("R5/PT5M: four retries left").isEqualTo(4);
            assertThat(failed.getErrorMessage()).isNotBlank();
            externalTasks.setRetries(task.getId(), 1);
            externalTasks.unlock(task.getId());
            notifications.runOnce("DAILY 2026-11-30");
            assertThat(runtime.createIncidentQuery().processInstanceId(pi).activityId("Task_EmailReport").count())
                    .as("no retries left: an incident in Cockpit").isEqualTo(1);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } finally {
            smtp.setPort(port);
        }
        assertThat(deliveries.byReference("DAILY 2026-11-30")).as("nothing logged as sent").isEmpty();
    }
}
