package com.careloop.review;

import com.careloop.engine.LatestDecision;
import com.careloop.followup.ReachedCalls.ReachedCall;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;

/**
 * The two tables of bpmn/callReviewSampling.dmn, parsed: how many of an agent's reached calls are sampled at random
 * ({@value #SIZE}) and which calls are always reviewed, with the reason ({@value #ALWAYS}).
 */
record SamplingRules(DmnDecision size, DmnDecision always) {

    static final String SIZE = "callReviewSampleSize";
    static final String ALWAYS = "callReviewAlwaysSampled";

    static SamplingRules parse(byte[] xml) {
        List<DmnDecision> decisions = LatestDecision.DMN.parseDecisions(new ByteArrayInputStream(xml));
        return new SamplingRules(ScorecardTable.byKey(decisions, SIZE), ScorecardTable.byKey(decisions, ALWAYS));
    }

    /** The random sample's size for an agent with {@code reachedCalls} calls: the share, at least / at most, never more than there are. */
    int sampleSize(int reachedCalls) {
        if (reachedCalls <= 0) {
            return 0;
        }
        DmnDecisionRuleResult row = LatestDecision.DMN.evaluateDecisionTable(size, Map.of("reachedCalls", reachedCalls)).getSingleResult();
        if (row == null) {
            return 0;
        }
        double percent = ((Number) row.get("samplePercent")).doubleValue();
        int min = ((Number) row.get("sampleMin")).intValue();
        int max = ((Number) row.get("sampleMax")).intValue();
        int share = (int) Math.ceil(reachedCalls * percent / 100.0 - 1e-9);
        return Math.min(reachedCalls, Math.min(max, Math.max(min, share)));
    }

    /** Why the call is always reviewed (COMPLAINT, LOW_SATISFACTION, LOW_NPS, NOT_RESOLVED …), or empty. */
    Optional<String> alwaysReason(ReachedCall call) {
        Map<String, Object> in = new HashMap<>();
        in.put("complaint", call.complaint());
        in.put("satisfaction", call.satisfaction());
        in.put("nps", call.nps());
        in.put("issueResolved", call.issueResolved());
        var result = LatestDecision.DMN.evaluateDecisionTable(always, in).getFirstResult();
        return result == null ? Optional.empty() : Optional.ofNullable((String) result.getSingleEntry());
    }
}
