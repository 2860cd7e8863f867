package com.careloop.feedback;

import com.careloop.engine.LatestDecision;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The feedback type bpmn/commentClassification.dmn (decision {@code commentClassification}, a designer's keyword table)
 * gives the comment of a survey answer: COMPLAINT, PROBLEM, SUGGESTION, CONSULTATION, or none (NONE). Read as the latest
 * deployed version, evaluated in memory (no decision history: the input is the customer's own words).
 */
@Component
class CommentClassification {

    static final String DECISION_KEY = "commentClassification";
    static final String NONE = "NONE";

    private final LatestDecision<Function<String, Optional<FeedbackType>>> latest;

    CommentClassification(RepositoryService repository, IdentityService identity) {
        this.latest = new LatestDecision<>(repository, identity, DECISION_KEY,
                (xml, def) -> parse(new ByteArrayInputStream(xml), def.getResourceName() + " v" + def.getVersion()));
    }

    /** The type of feedback this comment is, empty when it is none (or blank). */
    Optional<FeedbackType> classify(String comment) {
        return comment == null || comment.isBlank() ? Optional.empty() : latest.get().apply(comment);
    }

    /** The table as a function (also the tests' way to read bpmn/commentClassification.dmn). */
    static Function<String, Optional<FeedbackType>> parse(InputStream dmn, String source) {
        DmnDecision decision = LatestDecision.DMN.parseDecision(DECISION_KEY, dmn);
        return comment -> {
            var result = LatestDecision.DMN.evaluateDecisionTable(decision, Variables.createVariables().putValue("comment", comment));
            if (result.isEmpty()) {
                throw new IllegalStateException(source + ": no rule matched (the last rule should match everything)");
            }
            Object type = result.getFirstResult().getEntry("type");
            if (type == null || NONE.equals(type)) {
                return Optional.empty();
            }
            try {
                return Optional.of(FeedbackType.valueOf(String.valueOf(type)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(source + ": type '" + type + "' is no feedback type and not NONE", e);
            }
        };
    }
}
