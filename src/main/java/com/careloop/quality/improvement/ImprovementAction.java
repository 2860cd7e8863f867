package com.careloop.quality.improvement;

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
import java.time.LocalDate;

/** One improvement action (table improvement_action, written by {@link ImprovementActions} only). */
@Entity
@Table(name = "improvement_action")
public class ImprovementAction {

    public enum Status { IN_PROGRESS, VERIFYING, REVIEW, CLOSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, unique = true)
    private String number;
    @Column(nullable = false)
    private String problem;
    @Enumerated(EnumType.STRING)
    @Column(name = "root_cause", nullable = false)
    private RootCause rootCause;
    @Column(nullable = false)
    private String measure;
    @Column(name = "owner_team", nullable = false)
    private String ownerTeam;
    @Column(nullable = false)
    private Instant deadline;
    @Column(name = "target_metric", nullable = false)
    private String targetMetric;
    @Column(name = "target_delta", nullable = false)
    private double targetDelta;
    @Column(name = "verification_cycles", nullable = false)
    private int verificationCycles;
    @Column(name = "alert_id")
    private Long alertId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "started_by")
    private String startedBy;
    @Column(name = "started_at", nullable = false)
    private Instant startedAt;
    @Column(name = "done_at")
    private Instant doneAt;
    @Column(name = "done_by")
    private String doneBy;
    @Column(name = "done_notes")
    private String doneNotes;
    @Column(nullable = false)
    private boolean overdue;
    @Column(name = "reopen_count", nullable = false)
    private int reopenCount;
    @Column(name = "kpi_before")
    private Double kpiBefore;
    @Column(name = "kpi_after")
    private Double kpiAfter;
    @Column(name = "before_from")
    private LocalDate beforeFrom;
    @Column(name = "before_to")
    private LocalDate beforeTo;
    @Column(name = "after_from")
    private LocalDate afterFrom;
    @Column(name = "after_to")
    private LocalDate afterTo;
    @Column(name = "target_met")
    private Boolean targetMet;
    @Column(name = "reviewed_by")
    private String reviewedBy;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Version
    private long version;

    protected ImprovementAction() {
    }

    ImprovementAction(String number, ImprovementRequest r, Instant deadline, Long alertId, String startedBy, Instant now,
                      String processInstanceId) {
        this.number = number;
        this.problem = r.problem();
        this.rootCause = r.rootCause();
        this.measure = r.measure();
        this.ownerTeam = r.ownerTeam();
        this.deadline = deadline;
        this.targetMetric = r.targetMetric().key();
        this.targetDelta = r.targetDelta();
        this.verificationCycles = r.verificationCycles();
        this.alertId = alertId;
        this.status = Status.IN_PROGRESS;
        this.startedBy = startedBy;
        this.startedAt = now;
        this.processInstanceId = processInstanceId;
    }

    void done(String by, String notes, Instant at) {
        doneBy = by;
        doneNotes = notes;
        doneAt = at;
        status = Status.VERIFYING;
    }

    void verified(Double before, Double after, LocalDate beforeFrom, LocalDate beforeTo, LocalDate afterFrom, LocalDate afterTo, boolean met) {
        this.kpiBefore = before;
        this.kpiAfter = after;
        this.beforeFrom = beforeFrom;
        this.beforeTo = beforeTo;
        this.afterFrom = afterFrom;
        this.afterTo = afterTo;
        this.targetMet = met;
        this.status = Status.REVIEW;
    }

    void markOverdue() {
        overdue = true;
    }

    void reopen(Instant newDeadline, String by) {
        reviewedBy = by;
        deadline = newDeadline;
        reopenCount++;
        overdue = false;
        status = Status.IN_PROGRESS;
    }

    void close(String by, Instant at) {
        reviewedBy = by;
        closedAt = at;
        status = Status.CLOSED;
    }

    public Long getId() { return id; }
    public String getNumber() { return number; }
    public String getProblem() { return problem; }
    public RootCause getRootCause() { return rootCause; }
    public String getMeasure() { return measure; }
    public String getOwnerTeam() { return ownerTeam; }
    public Instant getDeadline() { return deadline; }
    public String getTargetMetric() { return targetMetric; }
    public double getTargetDelta() { return targetDelta; }
    public int getVerificationCycles() { return verificationCycles; }
    public Long getAlertId() { return alertId; }
    public Status getStatus() { return status; }
    public String getStartedBy() { return startedBy; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getDoneAt() { return doneAt; }
    public String getDoneBy() { return doneBy; }
    public String getDoneNotes() { return doneNotes; }
    public boolean isOverdue() { return overdue; }
    public int getReopenCount() { return reopenCount; }
    public Double getKpiBefore() { return kpiBefore; }
    public Double getKpiAfter() { return kpiAfter; }
    public LocalDate getBeforeFrom() { return beforeFrom; }
    public LocalDate getBeforeTo() { return beforeTo; }
    public LocalDate getAfterFrom() { return afterFrom; }
    public LocalDate getAfterTo() { return afterTo; }
    public Boolean getTargetMet() { return targetMet; }
    public String getReviewedBy() { return reviewedBy; }
    public Instant getClosedAt() { return closedAt; }
    public String getProcessInstanceId() { return processInstanceId; }
}
