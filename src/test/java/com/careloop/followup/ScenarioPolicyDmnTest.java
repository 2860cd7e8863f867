package com.careloop.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careloop.customer.CustomerTier;
import com.careloop.sla.WorkCalendar;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;

/**
 * Properties of bpmn/scenarioPolicy.dmn that hold whatever values a designer sets (no cell is pinned): every scenario ×
 * tier has exactly one policy row, windows are whole working days inside the seeds' bounds, a VIP ranks at least as
 * high as a standard customer and is called by the account agent, every row says why; a table with a gap is refused.
 */
class ScenarioPolicyDmnTest {

    static final Path FILE = Path.of("bpmn/scenarioPolicy.dmn");

    static DecisionTable table() {
        Decision model = Dmn.readModelFromFile(new File(FILE.toString())).getModelElementById(ScenarioPolicy.DECISION_KEY);
        return (DecisionTable) model.getExpression();
    }

    static ScenarioPolicy.Table policy() throws Exception {
        return ScenarioPolicy.Table.parse(Files.readAllBytes(FILE), "file");
    }

    @Test
    void everyScenarioAndTierHasExactlyOnePolicyRow() throws Exception {
        DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DmnDecision decision = dmn.parseDecision(ScenarioPolicy.DECISION_KEY, Files.newInputStream(FILE));
        assertThat(table().getHitPolicy()).as("UNIQUE: two rows for one combination are an error, not a silent choice")
                .isEqualTo(HitPolicy.UNIQUE);
        for (Scenario scenario : Scenario.values()) {
            for (CustomerTier tier : CustomerTier.values()) {
                Map<String, Object> in = new HashMap<>();
                in.put("scenario", scenario.name());
                in.put("tier", tier.name());
                assertThat(dmn.evaluateDecisionTable(decision, in)).as(scenario + " × " + tier).hasSize(1);
            }
        }
    }

    @Test
    void theInputsListExactlyTheKnownScenariosAndTiersAndEveryRowNamesOneOfThem() {
        DecisionTable t = table();
        List<Input> inputs = List.copyOf(t.getInputs());
        assertThat(inputs).extracting(i -> i.getInputExpression().getText().getTextContent().strip()).containsExactly("scenario", "tier");
        assertThat(values(inputs.get(0).getInputValues().getText().getTextContent()))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Scenario.values()).map(Enum::name).toList());
        assertThat(values(inputs.get(1).getInputValues().getText().getTextContent()))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(CustomerTier.values()).map(Enum::name).toList());
        assertThat(t.getOutputs()).extracting(Output::getName).containsExactly("dueWorkingDays", "priority", "callByAccountAgent");
        Set<String> scenarios = Arrays.stream(Scenario.values()).map(Enum::name).collect(Collectors.toSet());
        Set<String> tiers = Arrays.stream(CustomerTier.values()).map(Enum::name).collect(Collectors.toSet());
        for (Rule rule : t.getRules()) {
            var entries = List.copyOf(rule.getInputEntries());
            assertThat(values(entries.get(0).getText().getTextContent())).as(rule.getId() + " scenario").isNotEmpty().allMatch(scenarios::contains);
            String tier = entries.get(1).getText().getTextContent().strip();
            assertThat(tier.equals("-") || values(tier).stream().allMatch(tiers::contains)).as(rule.getId() + " tier " + tier).isTrue();
            assertThat(rule.getDescription()).as(rule.getId() + " says in words why (annotation)").isNotNull();
            assertThat(rule.getDescription().getTextContent()).as(rule.getId()).isNotBlank();
        }
    }

    /** Upper bounds from the seeds (in working days: a week = 5, a month = 22, a quarter = 65). */
    static final Map<Scenario, Integer> SEED_BOUND = Map.of(
            Scenario.POST_RESOLUTION, 3,   // within 3 days after the problem is solved
            Scenario.NEW_PURCHASE, 5,      // within a week of the first purchase
            Scenario.PROMOTION, 5,         // within a week of the event
            Scenario.USAGE, 22,            // within a month of the purchase
            Scenario.VIP_CARE, 22,         // monthly (at most) or quarterly
            Scenario.CHURN_RISK, 65);      // quarterly

    @Test
    void windowsAreWholeWorkingDaysInsideTheSeedsBounds() throws Exception {
        ScenarioPolicy.Table policy = policy();
        assertThat(SEED_BOUND).containsOnlyKeys(Scenario.values());
        for (Scenario scenario : Scenario.values()) {
            for (CustomerTier tier : CustomerTier.values()) {
                int days = policy.of(scenario, tier).dueWorkingDays();
                assertThat(days).as(scenario + " × " + tier).isBetween(0, SEED_BOUND.get(scenario));
            }
        }
    }

    @Test
    void aVipRanksAtLeastAsHighAndIsCalledByTheAccountAgent() throws Exception {
        ScenarioPolicy.Table policy = policy();
        for (Scenario scenario : Scenario.values()) {
            ScenarioPolicy.Terms standard = policy.of(scenario, CustomerTier.STANDARD);
            ScenarioPolicy.Terms vip = policy.of(scenario, CustomerTier.VIP);
            assertThat(vip.priority()).as(scenario.name()).isGreaterThanOrEqualTo(standard.priority());
            assertThat(vip.dueWorkingDays()).as(scenario.name()).isLessThanOrEqualTo(standard.dueWorkingDays());
            assertThat(vip.callByAccountAgent()).as(scenario.name()).isTrue();
            assertThat(vip.agent("agent7")).isEqualTo("agent7");
            assertThat(vip.agent(null)).as("no account agent: the agents pool").isNull();
            assertThat(standard.agent("agent7")).as("a standard customer's call goes to the pool").isNull();
        }
    }

    @Test
    void aTableWithAGapIsRefusedNamingTheCombination() throws Exception {
        String xml = Files.readString(FILE);
        String gap = xml.replaceFirst("(?s)<rule id=\"Rule_CHURN_RISK_VIP\">.*?</rule>", "");
        assertThat(gap).doesNotContain("Rule_CHURN_RISK_VIP");
        assertThatThrownBy(() -> ScenarioPolicy.Table.parse(gap.getBytes(java.nio.charset.StandardCharsets.UTF_8), "v-test"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CHURN_RISK × VIP");
    }

    @Test
    void theDueDateDependsOnTheDayNotTheTimeOfTheStart() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        WorkCalendar calendar = new WorkCalendar(zone, LocalTime.of(9, 0), LocalTime.of(18, 0), Map.of(), Set.of(2026));
        LocalDate monday = LocalDate.of(2026, 3, 2);
        Instant due = ScenarioPolicy.dueAt(calendar, monday, 1);
        assertThat(due).isEqualTo(LocalDate.of(2026, 3, 3).atTime(18, 0).atZone(zone).toInstant());
        assertThat(ScenarioPolicy.dueAt(calendar, monday, 0)).isEqualTo(monday.atTime(18, 0).atZone(zone).toInstant());
        // a Saturday counts from Monday: one working day later is Tuesday
        assertThat(ScenarioPolicy.dueAt(calendar, LocalDate.of(2026, 3, 7), 1)).isEqualTo(due.plus(java.time.Duration.ofDays(7)));
    }

    private static List<String> values(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s).toList();
    }
}
