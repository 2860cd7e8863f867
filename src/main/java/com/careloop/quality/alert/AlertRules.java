package com.careloop.quality.alert;

import com.careloop.engine.LatestDecision;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The alert rules designers own: decision {@value #DECISION_KEY} of bpmn/qualityAlerts.dmn (hit policy COLLECT,
 * input scope, one row per rule), read through {@link LatestDecision} — a redeployed table counts from the next
 * watch cycle. Evaluating the table for each scope gives that scope's rules.
 */
@Component
public class AlertRules {

    public static final String DECISION_KEY = "qualityAlerts";
    public static final String RESOURCE = "bpmn/qualityAlerts.dmn";

    private final LatestDecision<List<AlertRule>> latest;

    public AlertRules(RepositoryService repository, IdentityService identity) {
        this.latest = new LatestDecision<>(repository, identity, DECISION_KEY,
                (xml, def) -> parse(new ByteArrayInputStream(xml), def.getResourceName() + " v" + def.getVersion()));
    }

    public List<AlertRule> all() {
        return latest.get();
    }

    /** The rules of a table (also the test's way to read bpmn/qualityAlerts.dmn); a bad row fails naming it. */
    public static List<AlertRule> parse(InputStream dmn, String source) {
        DmnDecision decision = LatestDecision.DMN.parseDecision(DECISION_KEY, dmn);
        List<AlertRule> rules = new ArrayList<>();
        for (AlertScope scope : AlertScope.values()) {
            var result = LatestDecision.DMN.evaluateDecisionTable(decision, Variables.createVariables().putValue("scope", scope.key()));
            for (Map<String, Object> row : result.getResultList()) {
                try {
                    rules.add(new AlertRule(text(row, "ruleId"), scope, QualityMetric.of(text(row, "metric")),
                            number(row, "windowDays").intValue(), number(row, "minSample").intValue(),
                            Comparison.of(text(row, "comparison")), number(row, "threshold").doubleValue(),
                            text(row, "severity"), text(row, "candidateGroup")));
                } catch (RuntimeException e) {
                    throw new IllegalStateException(source + ": rule " + row.get("ruleId") + " (" + scope.key() + "): " + e.getMessage(), e);
                }
            }
        }
        return List.copyOf(rules);
    }

    private static String text(Map<String, Object> row, String column) {
        Object v = row.get(column);
        if (v == null || v.toString().isBlank()) {
            throw new IllegalArgumentException("column " + column + " is empty");
        }
        return v.toString().trim();
    }

    private static Number number(Map<String, Object> row, String column) {
        Object v = row.get(column);
        if (v instanceof Number n) {
            return n;
        }
        if (v == null) {
            throw new IllegalArgumentException("column " + column + " is empty");
        }
        try {
            return Double.valueOf(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column " + column + " is not a number: " + v);
        }
    }
}
