package com.careloop.followup;

import java.time.Instant;

/**
 * A follow-up to open through {@link FollowUpService#open}: who, why, and (for screening and campaigns) the period it
 * belongs to. Due date, priority and caller are not given: they come from the scenario policy (bpmn/scenarioPolicy.dmn).
 *
 * @param customerId     the customer
 * @param scenario       why they are called
 * @param periodKey      one follow-up per customer, scenario and period (screening, campaigns); null for a manual start
 * @param screeningRunId the run that selected the customer, or null
 * @param plannedDueAt   a later due date planned by screening's daily capacity spreading, or null; never moves the
 *                       due date before the policy's
 * @param override       a cs-manager's override of the exclusions that may be overridden, or null
 */
public record NewFollowUp(long customerId, Scenario scenario, String periodKey, Long screeningRunId, Instant plannedDueAt,
                          Override override) {

    /** Why a cs-manager starts a follow-up despite an exclusion, and who: recorded on the follow-up. */
    public record Override(String reason, String by) {}

    public NewFollowUp {
        if (scenario == null) {
            throw new IllegalArgumentException("scenario is required");
        }
    }

    /** A start by a person (POST /api/follow-ups). */
    public static NewFollowUp manual(long customerId, Scenario scenario, Override override) {
        return new NewFollowUp(customerId, scenario, null, null, null, override);
    }

    /** A start by a screening run or campaign. */
    public static NewFollowUp screened(long customerId, Scenario scenario, String periodKey, long runId, Instant plannedDueAt) {
        return new NewFollowUp(customerId, scenario, periodKey, runId, plannedDueAt, null);
    }
}
