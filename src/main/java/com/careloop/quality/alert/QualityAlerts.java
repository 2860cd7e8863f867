package com.careloop.quality.alert;

import com.careloop.engine.FormText;
import com.careloop.errors.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one writer of quality_alert. {@link #raise} opens an alert and starts process {@value #ALERT_PROCESS} (business
 * key = the alert number QAyyyyMMddNNNN) unless the rule and scope already have an open alert — or one a handler
 * closed while the metric was still breached and that has not recovered since (no new task every watch cycle for a
 * breach someone already took on). {@link #recovered} ends the open alert's process by message
 * {@value #MESSAGE_RECOVERED}.
 */
@Service
public class QualityAlerts {

    public static final String WATCH_PROCESS = "qualityWatch";
    public static final String ALERT_PROCESS = "qualityAlert";
    public static final String MESSAGE_RECOVERED = "qualityAlertRecovered";
    public static final String TASK_HANDLE = "Task_HandleQualityAlert";

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final QualityAlertRepository alerts;
    private final RuntimeService runtime;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public QualityAlerts(QualityAlertRepository alerts, RuntimeService runtime, JdbcTemplate jdbc, Clock clock) {
        this.alerts = alerts;
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Opens an alert for a breached measurement and starts its process; empty when one is open (or taken on) already. */
    @Transactional
    public Optional<QualityAlert> raise(Measurement m) {
        String rule = m.rule().id();
        if (alerts.findByRuleIdAndScopeKeyAndStatus(rule, m.scopeKey(), QualityAlert.Status.OPEN).isPresent()
                || !alerts.findByRuleIdAndScopeKeyAndStatusAndRecoveredAtIsNull(rule, m.scopeKey(), QualityAlert.Status.CLOSED).isEmpty()) {
            return Optional.empty();
        }
        Long n = jdbc.queryForObject("select nextval('quality_alert_number_seq')", Long.class);
        String number = "QA" + LocalDate.now(clock).format(DAY) + String.format("%04d", n);
        // the unique index on open_key stops a concurrent second open alert here (the watch job then retries)
        QualityAlert alert = alerts.saveAndFlush(new QualityAlert(number, m, clock.instant()));
        AlertRule r = m.rule();
        Map<String, Object> vars = Variables.createVariables()
                .putValue(AlertVariables.ALERT_NUMBER, number)
                .putValue(AlertVariables.RULE_ID, rule)
                .putValue(AlertVariables.METRIC, r.metric().key())
                .putValue(AlertVariables.METRIC_LABEL, r.metric().label())
                .putValue(AlertVariables.VALUE, m.value())
                .putValue(AlertVariables.COMPARISON, r.comparison().symbol())
                .putValue(AlertVariables.THRESHOLD, r.threshold())
                .putValue(AlertVariables.WINDOW_DAYS, r.windowDays())
                .putValue(AlertVariables.WINDOW_LABEL, r.windowDays() == 0 ? "当前 now" : "近 " + r.windowDays() + " 天 last " + r.windowDays() + " days")
                .putValue(AlertVariables.SAMPLE, m.sample())
                .putValue(AlertVariables.SCOPE, m.scopeKey())
                .putValue(AlertVariables.SCOPE_LABEL, FormText.plain(m.scopeLabel())) // shown in the task form: as text
                .putValue(AlertVariables.SEVERITY, r.severity())
                .putValue(AlertVariables.CANDIDATE_GROUP, r.candidateGroup());
        ProcessInstance pi = runtime.startProcessInstanceByKey(ALERT_PROCESS, number, vars);
        alert.setProcessInstanceId(pi.getId());
        return Optional.of(alert);
    }

    /**
     * The metric of this rule and scope is back within its threshold: the open alert's process gets message
     * {@value #MESSAGE_RECOVERED} (it closes the alert), and alerts closed by a handler count as recovered, so a
     * later breach raises a new alert. @return whether an open alert was told.
     */
    @Transactional
    public boolean recovered(String ruleId, String scopeKey) {
        for (QualityAlert closed : alerts.findByRuleIdAndScopeKeyAndStatusAndRecoveredAtIsNull(ruleId, scopeKey, QualityAlert.Status.CLOSED)) {
            closed.markRecovered(clock.instant());
        }
        Optional<QualityAlert> open = alerts.findByRuleIdAndScopeKeyAndStatus(ruleId, scopeKey, QualityAlert.Status.OPEN);
        if (open.isEmpty()) {
            return false;
        }
        return !runtime.createMessageCorrelation(MESSAGE_RECOVERED).processInstanceBusinessKey(open.get().getNumber())
                .correlateAllWithResult().isEmpty();
    }

    @Transactional
    public QualityAlert close(String number, QualityAlert.CloseReason reason, String by, String notes) {
        QualityAlert alert = byNumber(number);
        if (alert.getStatus() == QualityAlert.Status.OPEN) {
            alert.close(reason, by, notes, clock.instant());
        }
        return alert;
    }

    @Transactional(readOnly = true)
    public QualityAlert byNumber(String number) {
        return alerts.findByNumber(number).orElseThrow(() -> new NotFoundException("quality alert", number));
    }

    @Transactional(readOnly = true)
    public Optional<QualityAlert> find(String number) {
        return alerts.findByNumber(number);
    }

    @Transactional(readOnly = true)
    public List<QualityAlert> list(QualityAlert.Status status) {
        return status == null ? alerts.findAllByOrderByOpenedAtDesc() : alerts.findByStatusOrderByOpenedAtDesc(status);
    }

    @Transactional(readOnly = true)
    public List<QualityAlert> open() {
        return alerts.findByStatusOrderByOpenedAtDesc(QualityAlert.Status.OPEN);
    }
}
