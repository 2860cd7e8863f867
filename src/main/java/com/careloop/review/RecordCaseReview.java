package com.careloop.review;

import com.careloop.engine.CompletedBy;
import com.careloop.engine.FormInput;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "记录复盘结论 Record the conclusions" of callReview (inside the per-team case review): stores the meeting's
 * {@value #CONCLUSIONS} (required) with the team's case review and closes it; the text leaves the process. With
 * {@value #IMPROVEMENT} ticked, the improvement action's fields go out in {@link CaseReviewConcluded} and the quality
 * module starts improvementAction (in this transaction: its checks refuse the completion). Its fields leave the process.
 */
@Component("recordCaseReview")
class RecordCaseReview implements JavaDelegate {

    static final String CONCLUSIONS = "caseConclusions";
    static final String IMPROVEMENT = "caseImprovement";

    private final CaseReviews cases;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RecordCaseReview(CaseReviews cases, Clock clock, ApplicationEventPublisher events) {
        this.cases = cases;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FormInput in = new FormInput(execution, clock.getZone());
        String conclusions = in.text(CONCLUSIONS, 4000, true);
        boolean improve = in.bool(IMPROVEMENT);
        in.validate();
        long id = Long.parseLong(String.valueOf(execution.getVariable(CaseReviewTaskContext.ELEMENT)));
        String by = (String) execution.getVariable(CompletedBy.VARIABLE);
        cases.close(id, conclusions, by);
        Map<String, Object> improvement = new LinkedHashMap<>();
        if (improve) {
            for (String field : CaseReviewConcluded.IMPROVEMENT_FIELDS) {
                Object value = execution.getVariable(field);
                if (value != null) {
                    improvement.put(field, value);
                }
            }
        }
        events.publishEvent(new CaseReviewConcluded(id, cases.get(id).team(), by, improve, improvement));
        execution.removeVariable(CONCLUSIONS);
        execution.removeVariable(IMPROVEMENT);
        CaseReviewConcluded.IMPROVEMENT_FIELDS.forEach(execution::removeVariable);
    }
}
