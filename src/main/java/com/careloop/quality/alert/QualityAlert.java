package com.careloop.quality.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One threshold alert (table quality_alert, written by {@link QualityAlerts} only). While OPEN its {@code openKey} is
 * "rule|scope", which the database keeps unique: never two open alerts for one rule and scope.
 */
@Entity
@Table(name = "quality_alert")
public class QualityAlert {

    public enum Status { OPEN, CLOSED }

    /** Why an alert closed: the metric recovered, the handler closed it, or the handler opened an improvement action. */
    public enum CloseReason { RECOVERED, HANDLED, IMPROVEMENT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true)
    private String number;
    @Column(name = "rule_id", nullable = false)
    private String ruleId;
    @Column(name = "scope_key", nullable = false)
    private String scopeKey;
    @Column(name = "open_key")
    private String openKey;
    @Column(nullable = false)
    private String metric;
    @Column(nullable = false)
    private String comparison;
    @Column(nullable = false)
    private double threshold;
    @Column(name = "measured_value", nullable = false)
    private double measuredValue;
    private Long sample;
    @Column(name = "window_days", nullable = false)
    private int windowDays;
    @Column(nullable = false)
    private String severity;
    @Column(name = "candidate_group", nullable = false)
    private String candidateGroup;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "close_reason")
    private CloseReason closeReason;
    @Column(name = "closed_by")
    private String closedBy;
    @Column(name = "handler_notes")
    private String handlerNotes;
    @Column(name = "recovered_at")
    private Instant recoveredAt;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Version
    private long version;

    protected QualityAlert() {
    }

    QualityAlert(String number, Measurement m, Instant now) {
        this.number = number;
        this.ruleId = m.rule().id();
        this.scopeKey = m.scopeKey();
        this.openKey = openKey(ruleId, scopeKey);
        this.metric = m.rule().metric().key();
        this.comparison = m.rule().comparison().symbol();
        this.threshold = m.rule().threshold();
        this.measuredValue = m.value();
        this.sample = m.sample();
        this.windowDays = m.rule().windowDays();
        this.severity = m.rule().severity();
        this.candidateGroup = m.rule().candidateGroup();
        this.status = Status.OPEN;
        this.openedAt = now;
    }

    static String openKey(String ruleId, String scopeKey) {
        return ruleId + "|" + scopeKey;
    }

    void close(CloseReason reason, String by, String notes, Instant now) {
        status = Status.CLOSED;
        openKey = null;
        closeReason = reason;
        closedBy = by;
        handlerNotes = notes;
        closedAt = now;
        if (reason == CloseReason.RECOVERED) {
            recoveredAt = now;
        }
    }

    void markRecovered(Instant now) {
        if (recoveredAt == null) {
            recoveredAt = now;
        }
    }

    void setProcessInstanceId(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public Long getId() { return id; }
    public String getNumber() { return number; }
    public String getRuleId() { return ruleId; }
    public String getScopeKey() { return scopeKey; }
    public String getMetric() { return metric; }
    public String getComparison() { return comparison; }
    public double getThreshold() { return threshold; }
    public double getMeasuredValue() { return measuredValue; }
    public Long getSample() { return sample; }
    public int getWindowDays() { return windowDays; }
    public String getSeverity() { return severity; }
    public String getCandidateGroup() { return candidateGroup; }
    public Status getStatus() { return status; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getClosedAt() { return closedAt; }
    public CloseReason getCloseReason() { return closeReason; }
    public String getClosedBy() { return closedBy; }
    public String getHandlerNotes() { return handlerNotes; }
    public Instant getRecoveredAt() { return recoveredAt; }
    public String getProcessInstanceId() { return processInstanceId; }
}
