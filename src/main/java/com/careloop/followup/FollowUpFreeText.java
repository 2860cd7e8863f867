package com.careloop.followup;

import com.careloop.customer.CustomerReadAccess;
import com.careloop.identity.ApiUser;
import com.careloop.identity.CareLoopGroups;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who reads the free text of a follow-up ({@code GET /api/follow-ups…}): the customer's own words in the survey
 * ({@code survey.feedbackText}), the agent's notes on the call ({@code survey.notes}) and a manager's reason for an
 * override ({@code override.reason}) may name the customer, their family, addresses, complaints (PIPL: personal
 * data on a need-to-know basis). Visible to
 * <ul>
 * <li>whoever reads the customer unmasked ({@link CustomerReadAccess}): cs-managers, administrators, the assignee of an
 *     open task of the customer;</li>
 * <li>cs-supervisors: they review and coach the team's calls, so they read what was said (the customer's phone and
 *     e-mail stay masked for them);</li>
 * </ul>
 * and omitted (null) for everyone else, agents who are not the assignee included: the rest of the follow-up (status,
 * attempts, scores, numbers of the feedback items) stays readable for all who may read follow-ups.
 */
@Component
class FollowUpFreeText {

    /** Read the free text of every follow-up, besides those who read the customer unmasked. */
    static final Set<String> REVIEWERS = Set.of(CareLoopGroups.CS_SUPERVISORS);

    private final CustomerReadAccess customers;

    FollowUpFreeText(CustomerReadAccess customers) {
        this.customers = customers;
    }

    FollowUpView forReader(FollowUpView view, ApiUser user) {
        if (!hasFreeText(view) || user.groups().stream().anyMatch(REVIEWERS::contains)
                || customers.decide(view.customerId(), user).unmasked()) {
            return view;
        }
        return withoutFreeText(view);
    }

    List<FollowUpView> forReader(List<FollowUpView> views, ApiUser user) {
        return views.stream().map(v -> forReader(v, user)).toList();
    }

    private static boolean hasFreeText(FollowUpView v) {
        return v.survey() != null && (v.survey().feedbackText() != null || v.survey().notes() != null)
                || v.override() != null && v.override().reason() != null;
    }

    static FollowUpView withoutFreeText(FollowUpView v) {
        FollowUpView.Survey s = v.survey();
        FollowUpView.Survey survey = s == null ? null : new FollowUpView.Survey(s.satisfaction(), s.nps(), s.scoreAttitude(),
                s.scoreExpertise(), s.scoreTimeliness(), s.scoreResolution(), s.scoreConvenience(), s.issueResolved(),
                s.purchaseIntent(), s.feedbackType(), s.feedbackUrgency(), null, null, s.tags(), s.answeredAt(), s.channel());
        FollowUpView.Override override = v.override() == null ? null
                : new FollowUpView.Override(null, v.override().by(), v.override().exclusions());
        return new FollowUpView(v.id(), v.number(), v.customerId(), v.customerExternalId(), v.scenario(), v.priority(), v.status(),
                v.result(), v.assignedAgent(), v.lastAgent(), v.dueAt(), v.attemptCount(), v.processInstanceId(), v.createdAt(),
                v.closedAt(), v.attempts(), survey, v.feedbackNumbers(), override, v.channel());
    }
}
