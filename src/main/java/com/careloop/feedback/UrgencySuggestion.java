package com.careloop.feedback;

import com.careloop.engine.LatestDecision;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The urgency bpmn/feedbackUrgency.dmn (decision {@code feedbackUrgency}, a designer's table) suggests for a new
 * inbound item: URGENT for safety words, a customer's third contact on the same matter ({@link SameMatter}) or a
 * suspected batch problem, else NORMAL. Read as the latest deployed version, evaluated in memory.
 */
@Component
class UrgencySuggestion {

    static final String DECISION_KEY = "feedbackUrgency";
    static final String RESOURCE = "bpmn/feedbackUrgency.dmn";

    /** The suggestion and the reason its rule gives (zh-CN, en). */
    record Suggested(Urgency urgency, String reason) {}

    /** What the table is asked: the customer's words, contacts on the same matter (this one included), batch suspicion. */
    record Facts(String description, int sameMatterContacts, boolean batchSuspected) {}

    private final LatestDecision<Function<Facts, Suggested>> latest;

    UrgencySuggestion(RepositoryService repository, IdentityService identity) {
        this.latest = new LatestDecision<>(repository, identity, DECISION_KEY,
                (xml, def) -> parse(new ByteArrayInputStream(xml), def.getResourceName() + " v" + def.getVersion()));
    }

    Suggested suggest(Facts facts) {
        return latest.get().apply(facts);
    }

    /** The table as a function (also the tests' way to read bpmn/feedbackUrgency.dmn). */
    static Function<Facts, Suggested> parse(InputStream dmn, String source) {
        DmnDecision decision = LatestDecision.DMN.parseDecision(DECISION_KEY, dmn);
        return facts -> {
            var result = LatestDecision.DMN.evaluateDecisionTable(decision, Variables.createVariables()
                    .putValue("description", facts.description() == null ? "" : facts.description())
                    .putValue("sameMatterContacts", facts.sameMatterContacts())
                    .putValue("batchSuspected", facts.batchSuspected()));
            if (result.isEmpty()) {
                throw new IllegalStateException(source + ": no rule matched (the last rule should match everything)");
            }
            var row = result.getFirstResult();
            Object urgency = row.getEntry("urgency");
            try {
                return new Suggested(Urgency.valueOf(String.valueOf(urgency)), (String) row.getEntry("reason"));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(source + ": urgency '" + urgency + "' is none of URGENT, NORMAL, LOW", e);
            }
        };
    }
}
