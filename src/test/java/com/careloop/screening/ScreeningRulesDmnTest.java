package com.careloop.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.followup.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Properties of bpmn/screeningRules.dmn that hold whatever windows and thresholds a designer sets in Modeler (no
 * cell is pinned here): FIRST hit policy, every row names a known scenario with a priority and a due window, and on
 * inputs built from the table's own thresholds every evaluation gives at most one valid row.
 */
class ScreeningRulesDmnTest {

    static final Path FILE = Path.of("bpmn/screeningRules.dmn");

    static DmnEngine engine;
    static DmnDecision decision;
    static DecisionTable table;
    static List<String> inputNames;

    @BeforeAll
    static void parseDecision() throws IOException {
        engine = ScreeningRules.engine();
        try (InputStream in = Files.newInputStream(FILE)) {
            decision = engine.parseDecision(ScreeningRules.DECISION_KEY, in);
        }
        try (InputStream in = Files.newInputStream(FILE)) {
            DmnModelInstance model = Dmn.readModelFromStream(in);
            table = model.getModelElementsByType(DecisionTable.class).iterator().next();
        }
        inputNames = table.getInputs().stream().map(Input::getInputExpression).map(e -> e.getText().getTextContent().trim()).toList();
    }

    static String outputOf(org.camunda.bpm.model.dmn.instance.Rule rule, String name) {
        int i = 0;
        for (var output : table.getOutputs()) {
            if (name.equals(output.getName())) {
                return rule.getOutputEntries().stream().skip(i).findFirst().orElseThrow().getText().getTextContent().trim();
            }
            i++;
        }
        throw new AssertionError("screeningRules has no output " + name);
    }

    static void assertValid(String where, Object scenario, Object priority, Object dueDays) {
        Set<String> scenarios = Arrays.stream(Scenario.values()).map(Enum::name).collect(Collectors.toSet());
        assertThat(scenario).as(where + ": scenario").isInstanceOf(String.class);
        assertThat((String) scenario).as(where + ": scenario").isIn(scenarios);
        assertThat(priority).as(where + ": priority").isInstanceOf(Integer.class);
        assertThat((Integer) priority).as(where + ": priority").isBetween(0, 100);
        assertThat(dueDays).as(where + ": due window (days)").isInstanceOf(Integer.class);
        assertThat((Integer) dueDays).as(where + ": due window (days)").isPositive();
    }

    @Test
    void isAFirstHitTableSoRuleOrderIsScenarioPriority() {
        assertThat(decision.isDecisionTable()).isTrue();
        assertThat(decision.getKey()).isEqualTo(ScreeningRules.DECISION_KEY);
        assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
    }

    @Test
    void everyRowNamesAKnownScenarioWithAPriorityAndADueWindow() {
        assertThat(table.getRules()).isNotEmpty();
        for (var rule : table.getRules()) {
            String scenario = outputOf(rule, "scenario").replace("\"", "");
            String priority = outputOf(rule, "priority");
            String dueDays = outputOf(rule, "dueDays");
            assertThat(priority).as(rule.getId() + ": priority").matches("\\d+");
            assertThat(dueDays).as(rule.getId() + ": due window").matches("\\d+");
            assertValid(rule.getId(), scenario, Integer.parseInt(priority), Integer.parseInt(dueDays));
        }
    }

    @Test
    void everyScenarioTheTableCanChooseHasADueWindow() {
        Map<String, Integer> windows = new HashMap<>();
        for (var rule : table.getRules()) {
            windows.merge(outputOf(rule, "scenario").replace("\"", ""), Integer.parseInt(outputOf(rule, "dueDays")), Math::min);
        }
        assertThat(windows).as("scenarios of screeningRules").isNotEmpty();
        windows.forEach((scenario, days) -> assertThat(days).as(scenario + " due window").isPositive());
    }

    @Test
    void onTheTablesOwnThresholdsEveryEvaluationGivesAtMostOneValidRow() throws IOException {
        List<List<Object>> values;
        try (InputStream in = Files.newInputStream(FILE)) {
            values = CompiledRules.interestingValues(in, ScreeningRules.DECISION_KEY);
        }
        assertThat(values).hasSameSizeAs(inputNames);
        Random random = new Random(7);
        int hits = 0;
        // a few hundred samples: each evaluation goes through the FEEL engine (CompiledRulesTest samples more, compiled)
        for (int sample = 0; sample < 150; sample++) {
            Map<String, Object> in = new HashMap<>();
            for (int i = 0; i < inputNames.size(); i++) {
                List<Object> candidates = values.get(i);
                in.put(inputNames.get(i), candidates.get(random.nextInt(candidates.size())));
            }
            DmnDecisionTableResult result = engine.evaluateDecisionTable(decision, in);
            assertThat(result.size()).as("%s: FIRST gives at most one row", in).isLessThanOrEqualTo(1);
            if (!result.isEmpty()) {
                hits++;
                DmnDecisionRuleResult row = result.getSingleResult();
                assertValid(in.toString(), row.getEntry("scenario"), row.getEntry("priority"), row.getEntry("dueDays"));
            }
        }
        assertThat(hits).as("samples that select a scenario").isPositive();
    }

    @Test
    void aCustomerWithNothingKnownIsNotSelected() {
        Map<String, Object> nothing = new HashMap<>();
        inputNames.forEach(name -> nothing.put(name, null));
        assertThat(engine.evaluateDecisionTable(decision, nothing)).isEmpty();
    }
}
