package com.careloop.incident;

import com.careloop.engine.LatestDecision;
import com.careloop.feedback.FeedbackType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.BiFunction;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * bpmn/batchQuality.dmn (decision {@code batchQuality}, a designer's table, hit policy FIRST): for an item's type and
 * product model, how many items of one model and batch within how many days open an incident. No matching row: items
 * of that type are not watched. Read as the latest deployed version.
 */
@Component
class BatchQualityRule {

    static final String DECISION_KEY = "batchQuality";

    /** {@code threshold} items within {@code windowDays} days. */
    record Rule(int threshold, int windowDays) {}

    private final LatestDecision<BiFunction<FeedbackType, String, Optional<Rule>>> latest;

    BatchQualityRule(RepositoryService repository, IdentityService identity) {
        this.latest = new LatestDecision<>(repository, identity, DECISION_KEY,
                (xml, def) -> parse(new ByteArrayInputStream(xml), def.getResourceName() + " v" + def.getVersion()));
    }

    Optional<Rule> of(FeedbackType type, String productModel) {
        return latest.get().apply(type, productModel);
    }

    /** The table as a function (also the tests' way to read bpmn/batchQuality.dmn). */
    static BiFunction<FeedbackType, String, Optional<Rule>> parse(InputStream dmn, String source) {
        DmnDecision decision = LatestDecision.DMN.parseDecision(DECISION_KEY, dmn);
        return (type, model) -> {
            var result = LatestDecision.DMN.evaluateDecisionTable(decision, Variables.createVariables()
                    .putValue("type", type.name()).putValue("productModel", model == null ? "" : model));
            if (result.isEmpty()) {
                return Optional.empty();
            }
            var row = result.getFirstResult();
            Object threshold = row.getEntry("threshold");
            Object window = row.getEntry("windowDays");
            if (!(threshold instanceof Number t) || !(window instanceof Number w) || t.intValue() < 1 || w.intValue() < 1) {
                throw new IllegalStateException(source + ": threshold and windowDays must be whole numbers of at least 1, got "
                        + threshold + " / " + window);
            }
            return Optional.of(new Rule(t.intValue(), w.intValue()));
        };
    }
}
