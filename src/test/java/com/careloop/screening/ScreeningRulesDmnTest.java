package com.careloop.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.followup.Scenario;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Properties of bpmn/screeningRules.dmn that hold whatever thresholds a designer sets in Modeler (no cell is pinned):
 * FIRST hit policy, one output (the scenario, a known one; due window and priority live in scenarioPolicy.dmn), every
 * scenario it names reachable, an event that never happened is no reason for a call, only VIPs get VIP care.
 */
class ScreeningRulesDmnTest {

    static final Path FILE = Path.of("bpmn/screeningRules.dmn");
    static final String[] INPUTS = {"daysSinceFirstPurchase", "daysSinceLastPurchase", "daysSinceLastResolution", "daysSinceLastLogin",
        "daysSinceLastFollowUp", "tier"};

    static DmnEngine engine;
    static DmnDecision decision;
    static DecisionTable table;
    static List<List<Object>> values;

    @BeforeAll
    static void parseDecision() throws IOException {
        engine = ScreeningRules.engine();
        try (InputStream in = Files.newInputStream(FILE)) {
            decision = engine.parseDecision("screeningRules", in);
        }
        Decision model = Dmn.readModelFromFile(new File(FILE.toString())).getModelElementById("screeningRules");
        table = (DecisionTable) model.getExpression();
        try (InputStream in = Files.newInputStream(FILE)) {
            values = CompiledRules.interestingValues(in, "screeningRules");
        }
    }

    static DmnDecisionTableResult evaluate(Map<String, Object> vars) {
        return engine.evaluateDecisionTable(decision, vars);
    }

    /** Random inputs built from the table's own thresholds (and their neighbours), null included. */
    static Map<String, Object> randomInputs(Random random) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < INPUTS.length; i++) {
            List<Object> candidates = values.get(i);
            vars.put(INPUTS[i], candidates.get(random.nextInt(candidates.size())));
        }
        if (random.nextBoolean()) {
            vars.put("tier", random.nextBoolean() ? "VIP" : "STANDARD");
        }
        return vars;
    }

    @Test
    void isAFirstHitDecisionTableOverTheScreeningInputs() {
        assertThat(decision.isDecisionTable()).isTrue();
        assertThat(decision.getKey()).isEqualTo("screeningRules");
        // the rule order is the scenario priority only under FIRST: read the hit policy from the model itself
        assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
        assertThat(table.getInputs()).extracting(in -> in.getInputExpression().getText().getTextContent().strip())
                .containsExactly(INPUTS);
    }

    @Test
    void itsOnlyOutputIsAKnownScenario() {
        assertThat(table.getOutputs()).extracting(Output::getName)
                .as("due window, priority and caller are the scenario policy's (scenarioPolicy.dmn), not a second copy here")
                .containsExactly("scenario");
        Set<String> known = Arrays.stream(Scenario.values()).map(Enum::name).collect(Collectors.toSet());
        for (Rule rule : table.getRules()) {
            String out = rule.getOutputEntries().iterator().next().getText().getTextContent().strip();
            assertThat(out).as(rule.getId()).startsWith("\"").endsWith("\"");
            assertThat(out.substring(1, out.length() - 1)).as(rule.getId()).isIn(known);
            assertThat(rule.getDescription()).as(rule.getId() + " says in words why (annotation)").isNotNull();
            assertThat(rule.getDescription().getTextContent()).as(rule.getId()).isNotBlank();
        }
    }

    @Test
    void everyScenarioTheTableNamesIsReachable() {
        Set<String> named = table.getRules().stream()
                .map(r -> r.getOutputEntries().iterator().next().getText().getTextContent().strip().replace("\"", ""))
                .collect(Collectors.toSet());
        Set<String> hit = new java.util.HashSet<>();
        Random random = new Random(11);
        for (int i = 0; i < 20_000 && !hit.containsAll(named); i++) {
            DmnDecisionTableResult result = evaluate(randomInputs(random));
            if (!result.isEmpty()) {
                hit.add(result.getSingleResult().getEntry("scenario"));
            }
        }
        assertThat(hit).as("a rule shadowed by the rules above it is never used").containsAll(named);
    }

    @Test
    void nothingKnownAboutACustomerIsNoReasonForACall() {
        for (String tier : new String[] {"STANDARD", "VIP", null}) {
            for (Integer followUp : new Integer[] {null, 0, CandidateSelector.NEVER}) {
                Map<String, Object> vars = new HashMap<>();
                for (String input : INPUTS) {
                    vars.put(input, null);
                }
                vars.put("tier", tier);
                vars.put("daysSinceLastFollowUp", followUp);
                DmnDecisionTableResult result = evaluate(vars);
                // only VIP care may ask for a call on the tier and the last follow-up alone
                assertThat(result.isEmpty() || "VIP".equals(tier)).as(vars.toString()).isTrue();
            }
        }
    }

    @Test
    void onlyVipsGetVipCare() {
        Random random = new Random(5);
        for (int i = 0; i < 5_000; i++) {
            Map<String, Object> vars = randomInputs(random);
            DmnDecisionTableResult result = evaluate(vars);
            if (!result.isEmpty() && "VIP_CARE".equals(result.getSingleResult().getEntry("scenario"))) {
                assertThat(vars.get("tier")).as(vars.toString()).isEqualTo("VIP");
            }
        }
        assertThat(EnumSet.allOf(Scenario.class)).contains(Scenario.VIP_CARE);
    }
}
