package com.careloop.review;

import com.careloop.engine.FormInput;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "记录坐席答复 Record the agent's answer" of callReviewCase: {@code agentAnswer} ACKNOWLEDGE or APPEAL; an appeal needs
 * {@code appealReason}. The reason is stored with the review and leaves the process.
 */
@Component("recordReviewAnswer")
class RecordReviewAnswer implements JavaDelegate {

    enum Answer { ACKNOWLEDGE, APPEAL }

    private final CallReviews reviews;
    private final Clock clock;

    RecordReviewAnswer(CallReviews reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormInput in = new FormInput(execution, clock.getZone());
        Answer answer = in.requiredEnum(ReviewVariables.AGENT_ANSWER, Answer.class);
        String reason = in.text(ReviewVariables.APPEAL_REASON, 2000, answer == Answer.APPEAL);
        in.validate();
        long id = ((Number) execution.getVariable(ReviewVariables.REVIEW_ID)).longValue();
        if (answer == Answer.APPEAL) {
            reviews.appealed(id, reason);
        } else {
            reviews.acknowledged(id, reason);
        }
        execution.removeVariable(ReviewVariables.APPEAL_REASON);
    }
}
