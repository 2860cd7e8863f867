package com.careloop.followup;

import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Closes the follow-up with the result of its last call (completed, unreachable, wrong number, refused), or completed
 * when the customer answered the survey by link.
 */
@Component("closeFollowUp")
class CloseFollowUp implements JavaDelegate {

    private final FollowUpService followUps;
    private final CallAttemptRepository attempts;
    private final SurveyResponseRepository surveys;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CloseFollowUp(FollowUpService followUps, CallAttemptRepository attempts, SurveyResponseRepository surveys,
                  ApplicationEventPublisher events, Clock clock) {
        this.followUps = followUps;
        this.attempts = attempts;
        this.surveys = surveys;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FollowUp followUp = followUps.ofProcess(execution.getProcessBusinessKey());
        if (followUp.close(result(followUp, (String) execution.getVariable(FollowUpVariables.CALL_OUTCOME)), clock.instant())) {
            events.publishEvent(closed(followUp));
        }
        execution.setVariable(FollowUpVariables.FOLLOW_UP_RESULT, followUp.getResult().name());
    }

    /**
     * Answered (on a call or by link): completed; otherwise the result of the last call; no call and no answer (a
     * text-only survey left unanswered): unreachable.
     */
    private FollowUpResult result(FollowUp followUp, String lastCall) {
        if (surveys.findByFollowUpId(followUp.getId()).isPresent()) {
            return FollowUpResult.COMPLETED;
        }
        return lastCall == null ? FollowUpResult.UNREACHABLE : FollowUpResult.afterLastCall(CallOutcome.valueOf(lastCall));
    }

    private FollowUpClosed closed(FollowUp followUp) {
        List<CallAttempt> calls = attempts.findByFollowUpIdOrderByAttemptNo(followUp.getId());
        CallAttempt reaching = calls.stream().filter(a -> a.getOutcome() == CallOutcome.REACHED).findFirst().orElse(null);
        String agent = reaching != null ? reaching.getAgent() : calls.isEmpty() ? followUp.getLastAgent() : calls.get(calls.size() - 1).getAgent();
        boolean intent = reaching != null && surveys.findByFollowUpId(followUp.getId()).map(SurveyResponse::isPurchaseIntent).orElse(false);
        return new FollowUpClosed(followUp.getId(), agent, followUp.getScenario(), followUps.tierOf(followUp), followUp.getClosedAt(),
                followUp.getResult(), reaching != null, intent);
    }
}
