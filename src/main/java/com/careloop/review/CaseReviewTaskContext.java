package com.careloop.review;

import com.careloop.engine.FormText;
import com.careloop.identity.CareLoopGroups;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of Task_PrepareCaseReview: the team and the picked cases (follow-up number, agent, case score; the
 * number opens the call in GET /api/follow-ups/{number}) as the task-local text {@value #CASES} of the form.
 */
@Component("caseReviewTaskContext")
class CaseReviewTaskContext implements TaskListener {

    static final String CASES = "caseList";
    static final String ELEMENT = "caseReviewId";

    private final CaseReviews cases;

    CaseReviewTaskContext(CaseReviews cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        CaseReviewView r = cases.get(Long.parseLong(String.valueOf(task.getVariable(ELEMENT))));
        StringBuilder s = new StringBuilder("**").append(CareLoopGroups.nameOf(r.team())).append(" · 周 week ").append(r.weekFrom()).append("**");
        for (CaseReviewView.Case c : r.cases()) {
            s.append("\n\n").append("BEST".equals(c.kind()) ? "👍 最佳 Best " : "👎 最差 Worst ").append(c.place()).append(": [")
                    .append(c.followUpNumber()).append("](/api/follow-ups/").append(c.followUpNumber()).append(") · ")
                    .append(FormText.plain(c.agent())).append(" · ").append(c.caseScore());
        }
        task.setVariableLocal(CASES, s.toString());
    }
}
