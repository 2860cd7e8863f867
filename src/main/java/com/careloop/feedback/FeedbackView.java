package com.careloop.feedback;

import java.time.Instant;
import java.util.List;

public record FeedbackView(Long id, String number, FeedbackSource source, FeedbackType type, Urgency urgency,
                           String description, Long customerId, Long followUpId, String department,
                           FeedbackStatus status, FeedbackResult result, HandlingOutcome handlingOutcome, boolean overdue,
                           Instant responseDueAt, Instant resolutionDueAt, Instant respondedAt, Instant resolvedAt,
                           Instant closedAt, int reopenCount, Compensation compensation, String responsePlan,
                           String solution, Boolean customerSatisfied, ManagerDecision managerDecision,
                           String processInstanceId, Instant createdAt, List<Progress> progress) {

    public record Progress(Instant at, String author, ProgressKind kind, String note) {}

    static FeedbackView of(FeedbackItem i, List<FeedbackProgress> log) {
        return new FeedbackView(i.getId(), i.getNumber(), i.getSource(), i.getType(), i.getUrgency(), i.getDescription(),
                i.getCustomerId(), i.getFollowUpId(), i.getDepartment(), i.getStatus(), i.getResult(), i.getHandlingOutcome(),
                i.isOverdue(), i.getResponseDueAt(), i.getResolutionDueAt(), i.getRespondedAt(), i.getResolvedAt(),
                i.getClosedAt(), i.getReopenCount(), i.getCompensation(), i.getResponsePlan(), i.getSolution(),
                i.getCustomerSatisfied(), i.getManagerDecision(), i.getProcessInstanceId(), i.getCreatedAt(),
                log.stream().map(p -> new Progress(p.getRecordedAt(), p.getAuthor(), p.getKind(), p.getNote())).toList());
    }
}
