package com.careloop.quality.report;

import static com.careloop.identity.CareLoopGroups.CS_MANAGERS;

import com.careloop.notification.Attachment;
import com.careloop.notification.Message;
import com.careloop.notification.NotificationRequests;
import com.careloop.notification.NotificationTask;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The e-mail task of qualityReports ("发送报表 E-mail the report", an external task of topic notification served by
 * the notification worker: delivery log, retry cycle, incident when the retries run out): the XLSX workbooks of the
 * planned period, built now — when the mail is composed, never stored in a process variable — to every cs-manager
 * with an e-mail address.
 */
@Component
public class QualityReportNotifications implements NotificationRequests {

    public static final String PROCESS_KEY = "qualityReports";
    public static final String TYPE = "QUALITY_REPORT";

    private final QualityReports reports;
    private final XlsxReportWriter xlsx;
    private final IdentityService identity;

    public QualityReportNotifications(QualityReports reports, XlsxReportWriter xlsx, IdentityService identity) {
        this.reports = reports;
        this.xlsx = xlsx;
        this.identity = identity;
    }

    @Override
    public String processDefinitionKey() {
        return PROCESS_KEY;
    }

    @Override
    public List<String> variableNames() {
        return List.of(PlanQualityReport.SCHEDULE, PlanQualityReport.FROM, PlanQualityReport.TO, PlanQualityReport.PERIOD);
    }

    @Override
    public Message compose(NotificationTask task) {
        ScheduledReport schedule = ScheduledReport.valueOf((String) task.variable(PlanQualityReport.SCHEDULE));
        ReportPeriod period = new ReportPeriod(LocalDate.parse((String) task.variable(PlanQualityReport.FROM)),
                LocalDate.parse((String) task.variable(PlanQualityReport.TO)), (String) task.variable(PlanQualityReport.PERIOD));
        List<Attachment> files = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (ScheduledReport.Requested r : schedule.reports(period)) {
            QualityReport report = reports.build(r.kind(), r.period());
            files.add(new Attachment(report.fileName(), XlsxReportWriter.CONTENT_TYPE, xlsx.write(report)));
            titles.add(r.kind().title());
        }
        List<String> managers = identity.createUserQuery().memberOfGroup(CS_MANAGERS).list().stream()
                .map(User::getEmail).filter(e -> e != null && !e.isBlank()).distinct().toList();
        Object[] args = {String.join(" / ", titles), period.label(),
                String.join(", ", files.stream().map(Attachment::fileName).toList())};
        return new Message(TYPE, args, managers, List.of(), PlanQualityReport.businessKey(schedule, period),
                task.processInstanceId() + ":" + task.activityId(), files);
    }
}
