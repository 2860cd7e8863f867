package com.careloop.review;

import com.careloop.engine.CompletedBy;
import com.careloop.engine.FormInput;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "记录复盘结论 Record the conclusions" of callReview (inside the per-team case review): stores the meeting's
 * {@value #CONCLUSIONS} (required) with the team's case review and closes it; the text leaves the process. An
 * improvement action is started from Tasklist (改进措施 Improvement action is startable there).
 */
@Component("recordCaseReview")
class RecordCaseReview implements JavaDelegate {

    static final String CONCLUSIONS = "caseConclusions";

    private final CaseReviews cases;
    private final Clock clock;

    RecordCaseReview(CaseReviews cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormInput in = new FormInput(execution, clock.getZone());
        String conclusions = in.text(CONCLUSIONS, 4000, true);
        in.validate();
        cases.close(Long.parseLong(String.valueOf(execution.getVariable(CaseReviewTaskContext.ELEMENT))), conclusions,
                (String) execution.getVariable(CompletedBy.VARIABLE));
        execution.removeVariable(CONCLUSIONS);
    }
}
