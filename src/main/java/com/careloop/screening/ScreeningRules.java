package com.careloop.screening;

import com.careloop.engine.SystemCalls;
import com.careloop.followup.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * The screeningRules decision (bpmn/screeningRules.dmn) as deployed, evaluated in memory once per candidate
 * customer. Each run loads the latest deployed version, so a redeployed table takes effect on the next run.
 * Evaluated with a plain DMN engine: millions of evaluations must not become millions of history rows.
 */
@Component
public class ScreeningRules {

    public static final String DECISION_KEY = "screeningRules";

    /** What the rules say about one customer. */
    public record Match(Scenario scenario, int priority, int dueDays) {}

    private final RepositoryService repository;
    private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    public ScreeningRules(RepositoryService repository) {
        this.repository = repository;
    }

    public Table latest() {
        DecisionDefinition def = SystemCalls.run(() -> repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(DECISION_KEY).latestVersion().singleResult());
        if (def == null) {
            throw new IllegalStateException("decision " + DECISION_KEY + " is not deployed");
        }
        try (InputStream in = SystemCalls.run(() -> repository.getResourceAsStream(def.getDeploymentId(), def.getResourceName()))) {
            return new Table(dmn, dmn.parseDecision(DECISION_KEY, in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One parsed version of the table. Not thread-safe for callers sharing the input map; create one map per call. */
    public static final class Table {
        private final DmnEngine dmn;
        private final DmnDecision decision;

        Table(DmnEngine dmn, DmnDecision decision) {
            this.dmn = dmn;
            this.decision = decision;
        }

        public Match evaluate(Integer daysSinceFirstPurchase, Integer daysSinceLastPurchase, Integer daysSinceLastResolution,
                              Integer daysSinceLastLogin, Integer daysSinceLastFollowUp, String tier) {
            Map<String, Object> in = new HashMap<>();
            in.put("daysSinceFirstPurchase", daysSinceFirstPurchase);
            in.put("daysSinceLastPurchase", daysSinceLastPurchase);
            in.put("daysSinceLastResolution", daysSinceLastResolution);
            in.put("daysSinceLastLogin", daysSinceLastLogin);
            in.put("daysSinceLastFollowUp", daysSinceLastFollowUp);
            in.put("tier", tier);
            DmnDecisionTableResult result = dmn.evaluateDecisionTable(decision, in);
            DmnDecisionRuleResult first = result.getFirstResult();
            if (first == null) {
                return null;
            }
            Object scenario = first.getEntry("scenario");
            Number priority = first.getEntry("priority");
            Number dueDays = first.getEntry("dueDays");
            return new Match(Scenario.valueOf(scenario.toString()), priority == null ? 50 : priority.intValue(),
                    dueDays == null ? 5 : dueDays.intValue());
        }
    }
}
