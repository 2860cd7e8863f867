package com.careloop.followup;

import java.time.Instant;
import java.util.List;

public record FollowUpView(Long id, String number, Long customerId, String customerExternalId, Scenario scenario,
                           int priority, FollowUpStatus status, FollowUpResult result, String assignedAgent,
                           String lastAgent, Instant dueAt, int attemptCount, String processInstanceId,
                           Instant createdAt, Instant closedAt, List<Attempt> attempts, Survey survey,
                           List<String> feedbackNumbers, Override override,
                           SurveyMode channel) {

    /** A cs-manager started it despite exclusions: why, who, which exclusions were lifted. Null for an ordinary start. */
    public record Override(String reason, String by, List<String> exclusions) {}

    public record Attempt(int attemptNo, CallOutcome outcome, String agent, Instant calledAt, Instant callbackAt) {}

    public record Survey(int satisfaction, int nps, Integer scoreAttitude, Integer scoreExpertise, Integer scoreTimeliness,
                         Integer scoreResolution, Integer scoreConvenience, Boolean issueResolved, boolean purchaseIntent,
                         String feedbackType, String feedbackUrgency, String feedbackText, String notes, String tags,
                         Instant answeredAt, AnswerChannel channel) {}
}
