package com.careloop.review;

import com.careloop.engine.LatestDecision;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;

/**
 * Reads bpmn/callReviewScorecard.dmn (decisions {@value #CRITERIA} and {@value #PASS_MARK}) as deployed now: a designer's
 * redeploy changes the next review scored.
 */
@Component
class ScorecardTable {

    static final String CRITERIA = "callReviewCriteria";
    static final String PASS_MARK = "callReviewPassMark";
    /** the input of both tables: which scorecard (one today) */
    static final String SCORECARD = "CALL";

    private final LatestDecision<Scorecard> latest;

    ScorecardTable(RepositoryService repository, IdentityService identity) {
        this.latest = new LatestDecision<>(repository, identity, CRITERIA, (xml, def) -> parse(xml));
    }

    Scorecard current() {
        return latest.get();
    }

    /** The scorecard of a DMN file's bytes (both decisions of bpmn/callReviewScorecard.dmn). */
    static Scorecard parse(byte[] xml) {
        List<DmnDecision> decisions = LatestDecision.DMN.parseDecisions(new ByteArrayInputStream(xml));
        DmnDecision criteria = byKey(decisions, CRITERIA);
        DmnDecision passMark = byKey(decisions, PASS_MARK);
        Map<String, Object> in = Map.of("scorecard", SCORECARD);
        List<Criterion> rows = LatestDecision.DMN.evaluateDecisionTable(criteria, in).getResultList().stream()
                .map(r -> new Criterion((String) r.get("criterion"), (String) r.get("label"), ((Number) r.get("weight")).doubleValue(),
                        Boolean.TRUE.equals(r.get("critical"))))
                .toList();
        Object mark = LatestDecision.DMN.evaluateDecisionTable(passMark, in).getSingleEntry();
        if (!(mark instanceof Number n)) {
            throw new IllegalStateException("bpmn/callReviewScorecard.dmn: " + PASS_MARK + " gives no pass mark");
        }
        return new Scorecard(rows, n.doubleValue());
    }

    static DmnDecision byKey(List<DmnDecision> decisions, String key) {
        return decisions.stream().filter(d -> key.equals(d.getKey())).findFirst()
                .orElseThrow(() -> new IllegalStateException("decision " + key + " missing"));
    }
}
