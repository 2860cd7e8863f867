package com.careloop.followup;

import com.careloop.customer.CustomerTier;
import com.careloop.engine.LatestDecision;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;

/**
 * The {@code surveyChannel} decision (bpmn/surveyChannel.dmn) as deployed: how a follow-up or a closure re-visit surveys
 * the customer. Evaluated in memory (no decision history: the inputs are facts about a person) with the latest deployed
 * version, so a designer's redeploy takes effect at the next follow-up.
 */
@Component
public class SurveyChannel {

    public static final String DECISION_KEY = "surveyChannel";

    /** What the decision says: the channel, how many working hours the text waits for an answer, an appointment text. */
    public record Choice(SurveyMode channel, int waitHours, boolean appointmentText) {}

    /**
     * The decision's inputs; {@code feedbackType} only for re-visits (null for follow-ups); {@code textedRecently}: a
     * survey text went to the customer within serviceParameters survey.textSuppression.
     */
    public record Facts(Scenario scenario, CustomerTier tier, String feedbackType, boolean hasMobile, boolean optedOut,
                        boolean textedRecently) {}

    private final LatestDecision<DmnDecision> latest;

    public SurveyChannel(RepositoryService repository, IdentityService identity) {
        this.latest = new LatestDecision<>(repository, identity, DECISION_KEY,
                (xml, def) -> LatestDecision.DMN.parseDecision(DECISION_KEY, new ByteArrayInputStream(xml)));
    }

    public Choice decide(Facts facts) {
        return decide(latest.get(), facts);
    }

    /** Evaluates one parsed version of the table (tests evaluate the file in bpmn/). */
    public static Choice decide(DmnDecision decision, Facts facts) {
        Map<String, Object> in = new HashMap<>();
        in.put("scenario", facts.scenario() == null ? null : facts.scenario().name());
        in.put("tier", (facts.tier() == null ? CustomerTier.STANDARD : facts.tier()).name());
        in.put("feedbackType", facts.feedbackType());
        in.put("hasMobile", facts.hasMobile());
        in.put("optedOut", facts.optedOut());
        in.put("textedRecently", facts.textedRecently());
        DmnDecisionTableResult result = LatestDecision.DMN.evaluateDecisionTable(decision, in);
        if (result.isEmpty()) {
            throw new IllegalStateException("decision " + DECISION_KEY + " has no row for " + facts + " (it needs a last catch-all row)");
        }
        DmnDecisionRuleResult row = result.getFirstResult();
        Object channel = row.get("channel");
        Object wait = row.get("waitHours");
        SurveyMode mode = SurveyMode.valueOf(String.valueOf(channel));
        int hours = wait instanceof Number n ? n.intValue() : 0;
        if (mode.texts() && hours <= 0) {
            throw new IllegalStateException("decision " + DECISION_KEY + ": channel " + mode + " needs waitHours > 0 for " + facts);
        }
        // no mobile number or texts refused: the phone, whatever a row says (the table's first rows say so too)
        if (mode.texts() && (!facts.hasMobile() || facts.optedOut())) {
            mode = SurveyMode.PHONE;
        }
        return new Choice(mode, hours, Boolean.TRUE.equals(row.get("appointmentText")) && facts.hasMobile() && !facts.optedOut());
    }
}
