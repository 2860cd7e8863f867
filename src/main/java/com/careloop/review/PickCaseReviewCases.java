package com.careloop.review;

import java.time.LocalDate;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "挑选典型案例 Pick the cases" of callReview: opens the week's case review per team ({@link CaseReviews#open}) and sets
 * {@value #IDS}, their ids (strings), one Task_PrepareCaseReview each.
 */
@Component("pickCaseReviewCases")
class PickCaseReviewCases implements JavaDelegate {

    static final String IDS = "caseReviewIds";

    private final CaseReviews cases;

    PickCaseReviewCases(CaseReviews cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate weekFrom = LocalDate.parse((String) execution.getVariable(ReviewVariables.WEEK_FROM));
        ArrayList<String> ids = new ArrayList<>();
        cases.open(weekFrom).forEach(id -> ids.add(String.valueOf(id)));
        execution.setVariable(IDS, ids);
    }
}
