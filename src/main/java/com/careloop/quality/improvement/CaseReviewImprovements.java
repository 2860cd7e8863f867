package com.careloop.quality.improvement;

import com.careloop.review.CaseReviewConcluded;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The weekly case review's conclusions asked for an improvement action (module review, {@link CaseReviewConcluded}):
 * starts process improvementAction with the meeting's fields, as the supervisor who recorded the conclusions. In the
 * publisher's transaction: the action's own checks (RegisterImprovementAction) refuse the case review's completion.
 */
@Component
class CaseReviewImprovements {

    private final RuntimeService runtime;

    CaseReviewImprovements(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void on(CaseReviewConcluded concluded) {
        if (!concluded.improvementRequested()) {
            return;
        }
        Map<String, Object> vars = new HashMap<>(concluded.improvement());
        vars.put(ImprovementVariables.STARTED_BY, concluded.concludedBy());
        runtime.createProcessInstanceByKey(ImprovementVariables.PROCESS_KEY).setVariables(vars).execute();
    }
}
