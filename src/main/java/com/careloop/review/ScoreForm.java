package com.careloop.review;

import com.careloop.engine.FormInput;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The criteria fields of a submitted scorecard (callReview form, or the amended scores of decideAppeal): for every
 * criterion of the scorecard {@code <key>Score} 0 / 1 / 2 (required) and {@code <key>Comment} (optional, required
 * for a 0). Errors go to the form's {@link FormInput}; the caller validates.
 */
record ScoreForm(Map<String, Integer> scores, Map<String, String> comments) {

    static final int MAX_COMMENT = 1000;

    static ScoreForm read(FormInput in, Scorecard card) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        Map<String, String> comments = new LinkedHashMap<>();
        for (Criterion c : card.criteria()) {
            Integer score = in.requiredInt(c.scoreField(), 0, Scorecard.MAX_SCORE);
            String comment = in.text(c.commentField(), MAX_COMMENT, score != null && score == 0);
            scores.put(c.key(), score);
            comments.put(c.key(), comment);
        }
        return new ScoreForm(scores, comments);
    }

    /** Removes the criteria fields from the process (free text about the agent stays in the review tables only). */
    static void removeFrom(VariableScope scope, Scorecard card, boolean scoresToo) {
        for (Criterion c : card.criteria()) {
            scope.removeVariable(c.commentField());
            if (scoresToo) {
                scope.removeVariable(c.scoreField());
            }
        }
    }
}
