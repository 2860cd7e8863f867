package com.careloop.review;

import com.careloop.engine.CompletedBy;
import com.careloop.engine.FormInput;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "记录申诉结论 Record the appeal decision" of callReviewCase: {@code appealDecision} UPHOLD or AMEND with
 * {@code decisionReason} (required); AMEND re-scores the review with the scorecard fields of the form (the reviewer's
 * scores are pre-filled), the old total kept as the original.
 */
@Component("recordAppealDecision")
class RecordAppealDecision implements JavaDelegate {

    enum Decision { UPHOLD, AMEND }

    private final CallReviews reviews;
    private final ScorecardTable scorecards;
    private final Clock clock;

    RecordAppealDecision(CallReviews reviews, ScorecardTable scorecards, Clock clock) {
        this.reviews = reviews;
        this.scorecards = scorecards;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Scorecard card = scorecards.current();
        FormInput in = new FormInput(execution, clock.getZone());
        Decision decision = in.requiredEnum(ReviewVariables.APPEAL_DECISION, Decision.class);
        String reason = in.text(ReviewVariables.DECISION_REASON, 2000, true);
        ScoreForm amended = decision == Decision.AMEND ? ScoreForm.read(in, card) : null;
        in.validate();
        long id = ((Number) execution.getVariable(ReviewVariables.REVIEW_ID)).longValue();
        String manager = (String) execution.getVariable(CompletedBy.VARIABLE);
        if (amended != null) {
            reviews.amended(id, manager, reason, card, amended.scores(), amended.comments());
        } else {
            reviews.upheld(id, manager, reason);
        }
        execution.removeVariable(ReviewVariables.DECISION_REASON);
        ScoreForm.removeFrom(execution, card, true);
    }
}
