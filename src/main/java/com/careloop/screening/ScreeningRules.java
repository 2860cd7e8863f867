package com.careloop.screening;

import com.careloop.engine.LatestDecision;
import org.camunda.bpm.engine.IdentityService;
import com.careloop.followup.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
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

    /**
     * What the rules say about one customer: the scenario (who is called and why). Due window, priority and caller
     * come from the scenario policy (bpmn/scenarioPolicy.dmn), the same for every way a follow-up is opened.
     */
    public record Match(Scenario scenario) {}

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ScreeningRules.class);
    private static final int SELF_CHECK_SAMPLES = 1000;

    private final DmnEngine dmn = engine();
    private final LatestDecision<Table> latest;

    /** The DMN engine screening evaluates with: the standard FEEL engine, without history. */
    public static DmnEngine engine() {
        return LatestDecision.DMN;
    }

    public ScreeningRules(RepositoryService repository, IdentityService identity) {
        this.latest = repository == null ? null
                : new LatestDecision<>(repository, identity, DECISION_KEY, (xml, def) -> table(xml, def.getVersion()));
    }

    /** The latest deployed version; parsed (and checked) once per version, not once per run. */
    public Table latest() {
        return latest.get();
    }

    /**
     * Parses the table and, where its FEEL is simple enough, compiles it for speed (a run evaluates it once per
     * customer); the compiled form is used only after it agreed with the DMN engine on thousands of inputs
     * built from the table's own thresholds.
     */
    Table table(byte[] xml, int version) {
        DmnDecision decision = dmn.parseDecision(DECISION_KEY, new java.io.ByteArrayInputStream(xml));
        Table exact = new Table(dmn, decision, null);
        CompiledRules compiled = CompiledRules.compile(new java.io.ByteArrayInputStream(xml), DECISION_KEY);
        if (compiled == null) {
            log.info("screeningRules v{}: evaluated by the DMN engine (FEEL beyond the simple forms)", version);
            return exact;
        }
        Table fast = new Table(dmn, decision, compiled);
        java.util.Random random = new java.util.Random(42);
        List<List<Object>> values = CompiledRules.interestingValues(new java.io.ByteArrayInputStream(xml), DECISION_KEY);
        for (int sample = 0; sample < SELF_CHECK_SAMPLES; sample++) {
            Map<String, Object> in = new HashMap<>();
            for (int i = 0; i < values.size(); i++) {
                List<Object> candidates = values.get(i);
                in.put(compiled.inputNames().get(i), candidates.get(random.nextInt(candidates.size())));
            }
            if (!java.util.Objects.equals(exact.evaluate(in), fast.evaluate(in))) {
                log.warn("screeningRules v{}: compiled rules disagree with the DMN engine for {}; using the DMN engine", version, in);
                return exact;
            }
        }
        log.info("screeningRules v{}: compiled ({} samples agree with the DMN engine)", version, SELF_CHECK_SAMPLES);
        return fast;
    }

    /** One parsed version of the table: immutable, shared by concurrent runs (DMN evaluation is thread-safe). */
    public static final class Table {
        private final DmnEngine dmn;
        private final DmnDecision decision;
        private final CompiledRules compiled;

        Table(DmnEngine dmn, DmnDecision decision, CompiledRules compiled) {
            this.dmn = dmn;
            this.decision = decision;
            this.compiled = compiled;
        }

        public boolean isCompiled() {
            return compiled != null;
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
            return evaluate(in);
        }

        Match evaluate(Map<String, Object> in) {
            Map<String, Object> out;
            if (compiled != null) {
                out = compiled.evaluate(in);
            } else {
                DmnDecisionTableResult result = dmn.evaluateDecisionTable(decision, in);
                DmnDecisionRuleResult first = result.getFirstResult();
                out = first == null ? null : first.getEntryMap();
            }
            if (out == null) {
                return null;
            }
            Object scenario = out.get("scenario");
            return new Match(Scenario.valueOf(scenario.toString()));
        }
    }
}
