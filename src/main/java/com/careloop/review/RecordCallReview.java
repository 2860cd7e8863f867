package com.careloop.review;

import com.careloop.engine.CompletedBy;
import com.careloop.engine.FormInput;
import com.careloop.sla.SlaClock;
import com.careloop.sla.WorkCalendar;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "记录质检结果 Record the review" of callReviewCase: checks the supervisor's scorecard (every criterion 0 / 1 / 2, a
 * comment for a 0; not the call's own agent), stores the scores and the total, and sets {@code reviewPassed}; a failed
 * review is due for the agent's answer {@code acknowledgeDue} (model input, working days) from now. The comments leave
 * the process; the scores stay for the appeal form.
 */
@Component("recordCallReview")
class RecordCallReview implements JavaDelegate {

    private final CallReviews reviews;
    private final ScorecardTable scorecards;
    private final WorkCalendar calendar;
    private final Clock clock;

    RecordCallReview(CallReviews reviews, ScorecardTable scorecards, WorkCalendar calendar, Clock clock) {
        this.reviews = reviews;
        this.scorecards = scorecards;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Scorecard card = scorecards.current();
        FormInput in = new FormInput(execution, clock.getZone());
        ScoreForm form = ScoreForm.read(in, card);
        String reviewer = (String) execution.getVariable(CompletedBy.VARIABLE);
        if (reviewer != null && reviewer.equals(execution.getVariable(ReviewVariables.AGENT))) {
            in.error("reviewer", NotTheCallsAgent.MESSAGE);
        }
        in.validate();
        long id = ((Number) execution.getVariable(ReviewVariables.REVIEW_ID)).longValue();
        reviews.scored(id, reviewer, card, form.scores(), form.comments());
        boolean passed = card.score(form.scores()).passed();
        execution.setVariable(ReviewVariables.PASSED, passed);
        if (!passed) {
            String due = (String) execution.getVariable("acknowledgeDue");
            execution.setVariable(ReviewVariables.ACKNOWLEDGE_DUE_AT,
                    Date.from(calendar.deadline(clock.instant(), due, SlaClock.WORKING)));
        }
        ScoreForm.removeFrom(execution, card, false);
    }
}
