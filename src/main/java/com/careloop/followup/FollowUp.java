package com.careloop.followup;

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

@Entity
@Table(name = "follow_up")
class FollowUp {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String number;

    /** The customer (module customer's id; read through CustomerService). */
    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Scenario scenario;

    @Column(nullable = false)
    private int priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FollowUpStatus status = FollowUpStatus.OPEN;

    @Enumerated(EnumType.STRING)
    private FollowUpResult result;

    @Column(name = "assigned_agent")
    private String assignedAgent;
    @Column(name = "last_agent")
    private String lastAgent;
    @Column(name = "due_at")
    private Instant dueAt;
    @Column(name = "attempt_count", nullable = false)
    private int attemptCount;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "period_key")
    private String periodKey;
    @Column(name = "screening_run_id")
    private Long screeningRunId;

    /** A cs-manager's override of exclusions at the start: why, who, which (comma-separated {@link Exclusion} names). */
    @Column(name = "override_reason")
    private String overrideReason;
    @Column(name = "override_by")
    private String overrideBy;
    @Column(name = "overridden_exclusions")
    private String overriddenExclusions;

    /** The channel bpmn/surveyChannel.dmn chose (null: decided before issue 14, by phone). */
    @Enumerated(EnumType.STRING)
    @Column(name = "survey_channel")
    private SurveyMode surveyChannel;
    /** Since when a survey link sent by text can be answered; null when none is open. */
    @Column(name = "awaiting_survey_since")
    private Instant awaitingSurveySince;

    /** The call an appointment text announced (bpmn/surveyChannel.dmn appointmentText); null when none was sent. */
    @Column(name = "appointment_at")
    private Instant appointmentAt;
    /** The customer's last reply to the appointment text, and when; null: no reply (the call goes as planned). */
    @Enumerated(EnumType.STRING)
    @Column(name = "appointment_reply")
    private AppointmentReply appointmentReply;
    @Column(name = "appointment_replied_at")
    private Instant appointmentRepliedAt;

    @Version
    private long version;

    /** Rows are created only by {@link FollowUpService#open} (one writer for single and bulk starts); JPA reads and updates them. */
    protected FollowUp() {
    }

    public void recordAttempt(int attemptNo, String agent) {
        this.attemptCount = Math.max(attemptCount, attemptNo);
        if (agent != null) {
            this.lastAgent = agent;
        }
    }

    /** @return false when it was closed already (nothing changed) */
    public boolean close(FollowUpResult result, Instant at) {
        if (status == FollowUpStatus.CLOSED) {
            return false;
        }
        this.status = FollowUpStatus.CLOSED;
        this.awaitingSurveySince = null;
        this.result = result;
        this.closedAt = at;
        return true;
    }

    /** The survey text went out: its link can be answered from now on. */
    void awaitSurvey(Instant since) {
        if (status == FollowUpStatus.OPEN && awaitingSurveySince == null) {
            this.awaitingSurveySince = since;
        }
    }

    /** The link was answered, the customer was reached by phone, or the follow-up closed: no link can be answered any more. */
    void stopAwaitingSurvey() {
        this.awaitingSurveySince = null;
    }

    /** An appointment text announces a call at this time (a reply to an earlier one no longer applies). */
    void planAppointment(Instant at) {
        this.appointmentAt = at;
        this.appointmentReply = null;
        this.appointmentRepliedAt = null;
    }

    /**
     * The customer replied to the appointment text of this open follow-up (the last reply wins).
     *
     * @return false when no appointment is open (closed, or no appointment text): nothing changed
     */
    boolean replyToAppointment(AppointmentReply reply, Instant at) {
        if (status != FollowUpStatus.OPEN || appointmentAt == null) {
            return false;
        }
        this.appointmentReply = reply;
        this.appointmentRepliedAt = at;
        return true;
    }

    public Instant getAppointmentAt() { return appointmentAt; }
    public AppointmentReply getAppointmentReply() { return appointmentReply; }
    public Instant getAppointmentRepliedAt() { return appointmentRepliedAt; }
    public SurveyMode getSurveyChannel() { return surveyChannel; }
    public Instant getAwaitingSurveySince() { return awaitingSurveySince; }
    public boolean isAwaitingSurvey() { return status == FollowUpStatus.OPEN && awaitingSurveySince != null; }
    public String getOverrideReason() { return overrideReason; }
    public String getOverrideBy() { return overrideBy; }
    public String getOverriddenExclusions() { return overriddenExclusions; }
    public String getPeriodKey() { return periodKey; }
    public Long getScreeningRunId() { return screeningRunId; }
    public Long getId() { return id; }
    public String getNumber() { return number; }
    public Long getCustomerId() { return customerId; }
    public Scenario getScenario() { return scenario; }
    public int getPriority() { return priority; }
    public FollowUpStatus getStatus() { return status; }
    public FollowUpResult getResult() { return result; }
    public String getAssignedAgent() { return assignedAgent; }
    public String getLastAgent() { return lastAgent; }
    public Instant getDueAt() { return dueAt; }
    public int getAttemptCount() { return attemptCount; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getClosedAt() { return closedAt; }
}
