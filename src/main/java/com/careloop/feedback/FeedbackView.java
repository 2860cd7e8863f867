package com.careloop.feedback;

import com.careloop.customer.MaskedPhone;
import java.time.Instant;
import java.util.List;

/** An item as GET /api/feedback/{number} shows it; the contact phone only masked (engine/PersonalFields). */
public record FeedbackView(Long id, String number, FeedbackSource source, FeedbackType type, Urgency urgency,
                           String description, Long customerId, Long followUpId, String department,
                           FeedbackStatus status, FeedbackResult result, HandlingOutcome handlingOutcome, boolean overdue,
                           Instant responseDueAt, Instant resolutionDueAt, Instant respondedAt, Instant resolvedAt,
                           Instant closedAt, int reopenCount, Compensation compensation, String responsePlan,
                           String solution, Boolean customerSatisfied, ManagerDecision managerDecision,
                           String processInstanceId, Instant createdAt, List<Progress> progress,
                           FeedbackChannel channel, String contactName, String contactPhoneMasked, String productModel,
                           String orderNumber, String serialNumber, String batch, boolean urgencySuggested,
                           Urgency suggestedUrgency, String urgencyReason, String urgencyOverrideReason,
                           Verification verification, String invalidReason, String mergedInto,
                           boolean pausedNow, long pausedMinutes, PauseReason pauseReason, Instant pausedAt,
                           LeadOutcome leadOutcome, java.math.BigDecimal leadAmount, String leadLostReason) {

    public record Progress(Instant at, String author, ProgressKind kind, String note) {}

    static FeedbackView of(FeedbackItem i, List<FeedbackProgress> log) {
        return new FeedbackView(i.getId(), i.getNumber(), i.getSource(), i.getType(), i.getUrgency(), i.getDescription(),
                i.getCustomerId(), i.getFollowUpId(), i.getDepartment(), i.getStatus(), i.getResult(), i.getHandlingOutcome(),
                i.isOverdue(), i.getResponseDueAt(), i.getResolutionDueAt(), i.getRespondedAt(), i.getResolvedAt(),
                i.getClosedAt(), i.getReopenCount(), i.getCompensation(), i.getResponsePlan(), i.getSolution(),
                i.getCustomerSatisfied(), i.getManagerDecision(), i.getProcessInstanceId(), i.getCreatedAt(),
                log.stream().map(p -> new Progress(p.getRecordedAt(), p.getAuthor(), p.getKind(), p.getNote())).toList(),
                i.getChannel(), i.getContactName(), i.getContactPhone() == null ? null : MaskedPhone.of(i.getContactPhone()),
                i.getProductModel(), i.getOrderNumber(), i.getSerialNumber(), i.getBatch(), i.isUrgencySuggested(),
                i.getSuggestedUrgency(), i.getUrgencyReason(), i.getUrgencyOverrideReason(), i.getVerification(),
                i.getInvalidReason(), i.getMergedInto(), i.isPausedNow(), i.getPausedMinutes(), i.getPauseReason(), i.getPausedAt(),
                i.getLeadOutcome(), i.getLeadAmount(), i.getLeadLostReason());
    }
}
