package com.careloop.feedback;

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

/** One piece of feedback (from a call or inbound) routed to an owning team with deadlines. */
@Entity
@Table(name = "feedback_item")
class FeedbackItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FeedbackSource source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FeedbackType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Urgency urgency;

    private String description;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Column(name = "follow_up_id")
    private Long followUpId;

    /** Which entry of its call the item is (ISSUE_1, SALES_LEAD …); null for inbound feedback. */
    @Column(name = "call_entry")
    private String callEntry;

    private String department;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FeedbackStatus status = FeedbackStatus.NEW;

    @Enumerated(EnumType.STRING)
    private FeedbackResult result;

    @Enumerated(EnumType.STRING)
    @Column(name = "handling_outcome")
    private HandlingOutcome handlingOutcome;

    @Column(nullable = false)
    private boolean overdue;

    @Column(name = "response_due_at")
    private Instant responseDueAt;
    @Column(name = "resolution_due_at")
    private Instant resolutionDueAt;
    @Column(name = "responded_at")
    private Instant respondedAt;
    @Column(name = "resolved_at")
    private Instant resolvedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "reopen_count", nullable = false)
    private int reopenCount;

    @Enumerated(EnumType.STRING)
    private Compensation compensation;

    private String solution;
    @Column(name = "response_plan")
    private String responsePlan;
    @Column(name = "revisit_agent")
    private String revisitAgent;
    @Column(name = "revisit_attempts", nullable = false)
    private int revisitAttempts;
    @Column(name = "customer_satisfied")
    private Boolean customerSatisfied;
    /** Since when a survey link of the closure re-visit may be answered (null: none open). */
    @Column(name = "revisit_survey_since")
    private Instant revisitSurveySince;
    @Enumerated(EnumType.STRING)
    @Column(name = "manager_decision")
    private ManagerDecision managerDecision;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FeedbackChannel channel;
    @Column(name = "contact_name")
    private String contactName;
    /** Personal: never in process variables, history or logs (engine/PersonalFields); shown masked. */
    @Column(name = "contact_phone")
    private String contactPhone;
    @Column(name = "product_model")
    private String productModel;
    @Column(name = "order_number")
    private String orderNumber;
    @Column(name = "serial_number")
    private String serialNumber;
    private String batch;
    @Enumerated(EnumType.STRING)
    @Column(name = "suggested_urgency")
    private Urgency suggestedUrgency;
    /** Whether the urgency is the suggestion (the registrar gave none). */
    @Column(name = "urgency_suggested", nullable = false)
    private boolean urgencySuggested;
    /** Why the table suggested its urgency (its rule's reason). */
    @Column(name = "urgency_reason")
    private String urgencyReason;
    @Column(name = "urgency_override_reason")
    private String urgencyOverrideReason;
    @Enumerated(EnumType.STRING)
    private Verification verification;
    @Column(name = "invalid_reason")
    private String invalidReason;
    @Column(name = "merged_into")
    private String mergedInto;

    @Version
    private long version;

    // the SLA pause (V18): see SlaPause
    @Column(name = "paused_at")
    private Instant pausedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "pause_reason")
    private PauseReason pauseReason;
    @Column(name = "paused_minutes", nullable = false)
    private long pausedMinutes;
    @Column(name = "last_progress_notice_at")
    private Instant lastProgressNoticeAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "lead_outcome")
    private LeadOutcome leadOutcome;
    @Column(name = "lead_amount", precision = 14, scale = 2)
    private java.math.BigDecimal leadAmount;
    @Column(name = "lead_lost_reason")
    private String leadLostReason;

    protected FeedbackItem() {
    }

    public FeedbackItem(String number, FeedbackSource source, FeedbackType type, Urgency urgency, String description,
                        Long customerId, Long followUpId, String revisitAgent, Instant createdAt) {
        this.number = number;
        this.source = source;
        this.type = type;
        this.urgency = urgency;
        this.description = description;
        this.customerId = customerId;
        this.followUpId = followUpId;
        this.revisitAgent = revisitAgent;
        this.createdAt = createdAt;
        this.channel = FeedbackChannel.defaultFor(source);
    }

    /** The register's facts of an inbound item (seed 002 三). */
    FeedbackItem registered(FeedbackChannel channel, String contactName, String contactPhone, String productModel,
                            String orderNumber, String serialNumber, String batch) {
        this.channel = channel;
        this.contactName = contactName;
        this.contactPhone = contactPhone;
        this.productModel = productModel;
        this.orderNumber = orderNumber;
        this.serialNumber = serialNumber;
        this.batch = batch;
        return this;
    }

    /** What bpmn/feedbackUrgency.dmn suggested; {@code used}: the item's urgency is that suggestion. */
    FeedbackItem suggested(Urgency suggestion, String reason, boolean used, String overrideReason) {
        this.suggestedUrgency = suggestion;
        this.urgencyReason = reason;
        this.urgencySuggested = used;
        this.urgencyOverrideReason = overrideReason;
        return this;
    }

    /** An item reported on a follow-up call: which entry of the call it is (see {@link FeedbackService#registerFromCall}). */
    public FeedbackItem fromCallEntry(String entry) {
        this.callEntry = entry;
        return this;
    }

    public String getCallEntry() {
        return callEntry;
    }

    public void route(String department, Instant responseDue, Instant resolutionDue) {
        this.department = department;
        this.responseDueAt = responseDue;
        this.resolutionDueAt = resolutionDue;
        if (status == FeedbackStatus.NEW) {
            this.status = FeedbackStatus.AWAITING_RESPONSE;
        }
    }

    public void respond(String plan, Instant at) {
        this.responsePlan = plan;
        if (respondedAt == null) {
            this.respondedAt = at;
        }
        this.status = FeedbackStatus.IN_PROGRESS;
    }

    public void resolve(HandlingOutcome outcome, String solution, Compensation compensation, Instant at) {
        this.handlingOutcome = outcome;
        this.solution = solution;
        this.compensation = compensation;
        this.resolvedAt = at;
        this.status = FeedbackStatus.AWAITING_CONFIRMATION;
    }

    /** A sales lead's outcome (with the resolution): the amount of a won lead, the reason of a lost one. */
    public void recordLeadOutcome(LeadOutcome outcome, java.math.BigDecimal amount, String lostReason) {
        this.leadOutcome = outcome;
        this.leadAmount = outcome == LeadOutcome.WON ? amount : null;
        this.leadLostReason = outcome == LeadOutcome.LOST ? lostReason : null;
    }

    public LeadOutcome getLeadOutcome() { return leadOutcome; }
    public java.math.BigDecimal getLeadAmount() { return leadAmount; }
    public String getLeadLostReason() { return leadLostReason; }

    public void recordRevisit(int attempts, Boolean satisfied) {
        this.revisitAttempts = attempts;
        this.customerSatisfied = satisfied;
    }

    public void reopen(Instant newResolutionDue) {
        this.reopenCount++;
        this.status = FeedbackStatus.REOPENED;
        this.resolutionDueAt = newResolutionDue;
        this.resolvedAt = null;
        this.customerSatisfied = null;
        this.revisitAttempts = 0;
        this.revisitSurveySince = null;
    }

    public void startManagerReview() {
        this.status = FeedbackStatus.MANAGER_REVIEW;
    }

    /** Verified as genuine: handling goes on. */
    void verifiedValid() {
        this.verification = Verification.VALID;
    }

    /** Verified as not genuine: closed as CLOSED_INVALID with the reason. */
    void closeInvalid(String reason, Instant at) {
        this.verification = Verification.INVALID;
        this.invalidReason = reason;
        this.result = FeedbackResult.INVALID;
        this.closedAt = at;
        this.status = FeedbackStatus.CLOSED_INVALID;
    }

    /** A duplicate of the open item {@code target}: closed as MERGED, linked to it. */
    void mergeInto(String target, Instant at) {
        this.verification = Verification.DUPLICATE;
        this.mergedInto = target;
        this.result = FeedbackResult.MERGED;
        this.closedAt = at;
        this.status = FeedbackStatus.MERGED;
    }

    public void markOverdue() {
        this.overdue = true;
    }

    /** The result this item earns when it is closed now. */
    public FeedbackResult closingResult(boolean revisitRequired) {
        if (managerDecision != null) {
            return FeedbackResult.CLOSED_BY_MANAGER;
        }
        if (!revisitRequired) {
            return FeedbackResult.withoutRevisit(handlingOutcome);
        }
        return Boolean.TRUE.equals(customerSatisfied) ? FeedbackResult.RESOLVED_SATISFIED : FeedbackResult.RESOLVED_UNCONFIRMED;
    }

    /** The re-visit's survey text went out: its link may be answered until this stops. */
    void awaitRevisitSurvey(Instant since) {
        if (revisitSurveySince == null) {
            this.revisitSurveySince = since;
        }
    }

    /** The re-visit's link takes no answer any more (answered, the customer reached by phone, reopened, closed). */
    void stopAwaitingRevisitSurvey() {
        this.revisitSurveySince = null;
    }

    Instant getRevisitSurveySince() { return revisitSurveySince; }

    public void close(FeedbackResult result, Instant at) {
        this.revisitSurveySince = null;
        this.result = result;
        this.closedAt = at;
        this.status = FeedbackStatus.CLOSED;
    }

    public Long getId() { return id; }
    public String getNumber() { return number; }
    public FeedbackSource getSource() { return source; }
    public FeedbackType getType() { return type; }
    public Urgency getUrgency() { return urgency; }
    public String getDescription() { return description; }
    public Long getCustomerId() { return customerId; }
    public Long getFollowUpId() { return followUpId; }
    public String getDepartment() { return department; }
    public FeedbackStatus getStatus() { return status; }
    public void setStatus(FeedbackStatus status) { this.status = status; }
    public FeedbackResult getResult() { return result; }
    public HandlingOutcome getHandlingOutcome() { return handlingOutcome; }
    public boolean isOverdue() { return overdue; }
    public Instant getResponseDueAt() { return responseDueAt; }
    public Instant getResolutionDueAt() { return resolutionDueAt; }
    public Instant getRespondedAt() { return respondedAt; }
    public Instant getResolvedAt() { return resolvedAt; }
    public Instant getClosedAt() { return closedAt; }
    public int getReopenCount() { return reopenCount; }
    public Compensation getCompensation() { return compensation; }
    public void setCompensation(Compensation compensation) { this.compensation = compensation; }
    public String getSolution() { return solution; }
    public String getResponsePlan() { return responsePlan; }
    public String getRevisitAgent() { return revisitAgent; }
    public int getRevisitAttempts() { return revisitAttempts; }
    public Boolean getCustomerSatisfied() { return customerSatisfied; }
    public ManagerDecision getManagerDecision() { return managerDecision; }
    public void setManagerDecision(ManagerDecision managerDecision) { this.managerDecision = managerDecision; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public Instant getCreatedAt() { return createdAt; }
    public FeedbackChannel getChannel() { return channel; }
    public String getContactName() { return contactName; }
    public String getContactPhone() { return contactPhone; }
    public String getProductModel() { return productModel; }
    public String getOrderNumber() { return orderNumber; }
    public String getSerialNumber() { return serialNumber; }
    public String getBatch() { return batch; }
    public Urgency getSuggestedUrgency() { return suggestedUrgency; }
    public boolean isUrgencySuggested() { return urgencySuggested; }
    public String getUrgencyReason() { return urgencyReason; }
    public String getUrgencyOverrideReason() { return urgencyOverrideReason; }
    public Verification getVerification() { return verification; }
    public String getInvalidReason() { return invalidReason; }
    public String getMergedInto() { return mergedInto; }

    public Instant getPausedAt() { return pausedAt; }
    public PauseReason getPauseReason() { return pauseReason; }
    public long getPausedMinutes() { return pausedMinutes; }
    public boolean isPausedNow() { return pausedAt != null; }
    public Instant getLastProgressNoticeAt() { return lastProgressNoticeAt; }

    void pause(PauseReason reason, Instant at) {
        this.pausedAt = at;
        this.pauseReason = reason;
    }

    /** Ends the pause: the deadlines move by {@code pausedMinutes} of the SLA clock (those already met stay). */
    void resume(long minutes, Instant responseDue, Instant resolutionDue) {
        this.pausedAt = null;
        this.pauseReason = null;
        this.pausedMinutes += minutes;
        this.responseDueAt = responseDue;
        this.resolutionDueAt = resolutionDue;
    }

    void progressNoticeSent(Instant at) {
        this.lastProgressNoticeAt = at;
    }
}
