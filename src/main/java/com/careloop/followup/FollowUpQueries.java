package com.careloop.followup;

import com.careloop.customer.CustomerService;
import com.careloop.feedback.FeedbackService;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of follow-ups for the API. */
@Service
public class FollowUpQueries {

    private final FollowUpRepository followUps;
    private final CallAttemptRepository attempts;
    private final SurveyResponseRepository surveys;
    private final FeedbackService feedback;
    private final CustomerService customers;

    public FollowUpQueries(FollowUpRepository followUps, CallAttemptRepository attempts, SurveyResponseRepository surveys,
                           FeedbackService feedback, CustomerService customers) {
        this.followUps = followUps;
        this.attempts = attempts;
        this.surveys = surveys;
        this.feedback = feedback;
        this.customers = customers;
    }

    @Transactional(readOnly = true)
    public FollowUpView byNumber(String number) {
        return view(followUps.findByNumber(number)
                .orElseThrow(() -> new com.careloop.errors.NotFoundException("follow-up", number)));
    }

    @Transactional(readOnly = true)
    public FollowUpView byId(long id) {
        return view(followUps.findById(id).orElseThrow(() -> new com.careloop.errors.NotFoundException("follow-up", String.valueOf(id))));
    }

    /** The customer's follow-ups, newest first. */
    @Transactional(readOnly = true)
    public List<FollowUpView> byCustomerId(long customerId) {
        return followUps.findByCustomerIdOrderByCreatedAtDesc(customerId).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public List<FollowUpView> byCustomerExternalId(String externalId) {
        return customers.byExternalId(externalId)
                .map(c -> followUps.findByCustomerIdOrderByCreatedAtDesc(c.id()).stream().map(this::view).toList())
                .orElse(List.of());
    }

    private FollowUpView view(FollowUp f) {
        List<FollowUpView.Attempt> calls = attempts.findByFollowUpIdOrderByAttemptNo(f.getId()).stream()
                .map(a -> new FollowUpView.Attempt(a.getAttemptNo(), a.getOutcome(), a.getAgent(), a.getCalledAt(), a.getCallbackAt()))
                .toList();
        FollowUpView.Survey survey = surveys.findByFollowUpId(f.getId())
                .map(s -> new FollowUpView.Survey(s.getSatisfaction(), s.getNps(), s.getScoreAttitude(), s.getScoreExpertise(),
                        s.getScoreTimeliness(), s.getScoreResolution(), s.getScoreConvenience(), s.getIssueResolved(),
                        s.isPurchaseIntent(), s.getFeedbackType(), s.getFeedbackUrgency(), s.getFeedbackText(), s.getNotes(),
                        s.getTags(), s.getAnsweredAt(), s.getChannel()))
                .orElse(null);
        List<String> numbers = feedback.numbersOfFollowUp(f.getId());
        return new FollowUpView(f.getId(), f.getNumber(), f.getCustomerId(), customers.get(f.getCustomerId()).externalId(),
                f.getScenario(), f.getPriority(), f.isAwaitingSurvey() ? FollowUpStatus.AWAITING_SURVEY : f.getStatus(), f.getResult(), f.getAssignedAgent(), f.getLastAgent(),
                f.getDueAt(), f.getAttemptCount(), f.getProcessInstanceId(), f.getCreatedAt(), f.getClosedAt(), calls,
                survey, numbers, f.getOverrideReason() == null ? null : new FollowUpView.Override(f.getOverrideReason(), f.getOverrideBy(),
                        f.getOverriddenExclusions() == null ? List.of() : List.of(f.getOverriddenExclusions().split(","))),
                f.getSurveyChannel() == null ? SurveyMode.PHONE : f.getSurveyChannel());
    }
}
