package com.careloop.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bpmn/screeningRules.dmn evaluated with the standalone DMN engine. */
class ScreeningRulesDmnTest {

    static final int NEVER = 99999;

    static DmnEngine engine;
    static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws IOException {
        engine = ScreeningRules.engine();
        try (InputStream in = Files.newInputStream(Path.of("bpmn/screeningRules.dmn"))) {
            decision = engine.parseDecision("screeningRules", in);
        }
    }

    /** Builder for the decision's inputs; every day count starts as null (event never happened). */
    static final class Customer {
        final Map<String, Object> vars = new HashMap<>();

        Customer() {
            vars.put("daysSinceFirstPurchase", null);
            vars.put("daysSinceLastPurchase", null);
            vars.put("daysSinceLastResolution", null);
            vars.put("daysSinceLastLogin", null);
            vars.put("daysSinceLastFollowUp", NEVER);
            vars.put("tier", "STANDARD");
        }

        Customer firstPurchase(Integer days) { vars.put("daysSinceFirstPurchase", days); return this; }
        Customer lastPurchase(Integer days) { vars.put("daysSinceLastPurchase", days); return this; }
        Customer lastResolution(Integer days) { vars.put("daysSinceLastResolution", days); return this; }
        Customer lastLogin(Integer days) { vars.put("daysSinceLastLogin", days); return this; }
        Customer lastFollowUp(Integer days) { vars.put("daysSinceLastFollowUp", days); return this; }
        Customer tier(String tier) { vars.put("tier", tier); return this; }
    }

    static Customer customer() {
        return new Customer();
    }

    static DmnDecisionTableResult evaluate(Customer customer) {
        return engine.evaluateDecisionTable(decision, customer.vars);
    }

    static String scenario(Customer customer) {
        DmnDecisionTableResult result = evaluate(customer);
        assertThat(result.size()).as("FIRST hit policy returns at most one row").isLessThanOrEqualTo(1);
        return result.isEmpty() ? null : result.getSingleResult().getEntry("scenario");
    }

    static void assertRow(Customer customer, String scenario, int priority, int dueDays) {
        DmnDecisionTableResult result = evaluate(customer);
        assertThat(result).as(customer.vars.toString()).hasSize(1);
        DmnDecisionRuleResult row = result.getSingleResult();
        assertThat(row.getEntryMap()).containsOnly(
                Map.entry("scenario", scenario),
                Map.entry("priority", priority),
                Map.entry("dueDays", dueDays));
    }

    @Test
    void isAFirstHitDecisionTable() {
        assertThat(decision.isDecisionTable()).isTrue();
        assertThat(decision.getKey()).isEqualTo("screeningRules");
        // the scenario order below only holds under FIRST: read the hit policy from the model itself
        Decision model = Dmn.readModelFromFile(new File("bpmn/screeningRules.dmn")).getModelElementById("screeningRules");
        assertThat(((DecisionTable) model.getExpression()).getHitPolicy()).isEqualTo(HitPolicy.FIRST);
    }

    @ParameterizedTest(name = "resolved {0} days ago -> POST_RESOLUTION")
    @CsvSource({"0", "1", "3"})
    void rule1PostResolution(int days) {
        assertRow(customer().lastResolution(days), "POST_RESOLUTION", 90, 1);
    }

    @ParameterizedTest(name = "first purchase {0} days ago -> NEW_PURCHASE")
    @CsvSource({"1", "4", "7"})
    void rule2NewPurchase(int days) {
        assertRow(customer().firstPurchase(days), "NEW_PURCHASE", 70, 2);
    }

    @ParameterizedTest(name = "VIP, last follow-up {0} days ago -> VIP_CARE")
    @CsvSource({"30", "45", "99999"})
    void rule3VipCare(int lastFollowUp) {
        assertRow(customer().tier("VIP").lastFollowUp(lastFollowUp), "VIP_CARE", 80, 5);
    }

    @ParameterizedTest(name = "last purchase {0}, last follow-up {1} -> USAGE")
    @CsvSource({"28, 14", "30, 20", "35, 14", "28, 99999"})
    void rule4Usage(int lastPurchase, int lastFollowUp) {
        assertRow(customer().lastPurchase(lastPurchase).lastFollowUp(lastFollowUp), "USAGE", 50, 5);
    }

    @ParameterizedTest(name = "no login for {0}, last follow-up {1} -> CHURN_RISK")
    @CsvSource({"30, 90", "31, 120", "365, 99999"})
    void rule5ChurnRisk(int lastLogin, int lastFollowUp) {
        assertRow(customer().lastLogin(lastLogin).lastFollowUp(lastFollowUp), "CHURN_RISK", 40, 10);
    }

    @Test
    void firstHitFollowsScenarioPriority() {
        Customer all = customer().tier("VIP").lastResolution(2).firstPurchase(5).lastPurchase(30)
                .lastLogin(60).lastFollowUp(NEVER);
        assertThat(scenario(all)).isEqualTo("POST_RESOLUTION");
        assertThat(scenario(all.lastResolution(null))).isEqualTo("NEW_PURCHASE");
        assertThat(scenario(all.firstPurchase(null))).isEqualTo("VIP_CARE");
        assertThat(scenario(all.tier("STANDARD"))).isEqualTo("USAGE");
        assertThat(scenario(all.lastPurchase(null))).isEqualTo("CHURN_RISK");
        assertThat(scenario(all.lastLogin(null))).isNull();
    }

    @Test
    void postResolutionWinsOverNewPurchaseAndVipCare() {
        assertRow(customer().tier("VIP").lastResolution(0).firstPurchase(1).lastFollowUp(NEVER), "POST_RESOLUTION", 90, 1);
        assertRow(customer().tier("VIP").firstPurchase(7).lastFollowUp(NEVER), "NEW_PURCHASE", 70, 2);
        assertRow(customer().tier("VIP").lastPurchase(28).lastLogin(30).lastFollowUp(NEVER), "VIP_CARE", 80, 5);
        assertRow(customer().lastPurchase(35).lastLogin(30).lastFollowUp(90), "USAGE", 50, 5);
    }

    @Test
    void allNullsMatchNothing() {
        Customer nothing = customer().tier(null).lastFollowUp(null);
        assertThat(evaluate(nothing)).isEmpty();
        assertThat(evaluate(customer())).as("never followed up, nothing else known").isEmpty();
        assertThat(evaluate(customer().tier("VIP").lastFollowUp(null))).as("null follow-up is not >= 30").isEmpty();
        assertThat(evaluate(customer().lastPurchase(30).lastFollowUp(null))).as("null follow-up is not >= 14").isEmpty();
        assertThat(evaluate(customer().lastLogin(60).lastFollowUp(null))).as("null follow-up is not >= 90").isEmpty();
    }

    @ParameterizedTest(name = "outside windows: resolution={0} first={1} last={2} login={3} followUp={4} tier={5}")
    @CsvSource(nullValues = "null", value = {
            // POST_RESOLUTION only 0..3
            "4,    null, null, null, 99999, STANDARD",
            "-1,   null, null, null, 99999, STANDARD",
            // NEW_PURCHASE only 1..7
            "null, 0,    null, null, 99999, STANDARD",
            "null, 8,    null, null, 99999, STANDARD",
            // VIP_CARE needs VIP and >= 30 days since the last follow-up
            "null, null, null, null, 29,    VIP",
            "null, null, null, null, 0,     VIP",
            "null, null, null, null, 99999, STANDARD",
            // USAGE needs 28..35 days since the last purchase and >= 14 since the last follow-up
            "null, null, 27,   null, 99999, STANDARD",
            "null, null, 36,   null, 99999, STANDARD",
            "null, null, 30,   null, 13,    STANDARD",
            // CHURN_RISK needs >= 30 days without login and >= 90 since the last follow-up
            "null, null, null, 29,   99999, STANDARD",
            "null, null, null, 30,   89,    STANDARD",
            "null, null, null, 365,  29,    VIP"
    })
    void outsideEveryWindowMatchesNothing(Integer resolution, Integer first, Integer last, Integer login,
                                          Integer followUp, String tier) {
        Customer c = customer().lastResolution(resolution).firstPurchase(first).lastPurchase(last)
                .lastLogin(login).lastFollowUp(followUp).tier(tier);
        assertThat(evaluate(c)).as(c.vars.toString()).isEmpty();
    }

    @Test
    void standardTierNeverGetsVipCare() {
        for (int followUp : new int[] {0, 29, 30, 90, NEVER}) {
            assertThat(scenario(customer().tier("STANDARD").lastFollowUp(followUp))).as("followUp=" + followUp).isNull();
        }
    }

    @Test
    void nullDayCountsDoNotMatchRanges() {
        // Each rule's other conditions are satisfied; only the null day count stands between it and a hit.
        assertThat(evaluate(customer().lastResolution(null))).isEmpty();
        assertThat(evaluate(customer().firstPurchase(null))).isEmpty();
        assertThat(evaluate(customer().lastPurchase(null).lastFollowUp(NEVER))).isEmpty();
        assertThat(evaluate(customer().lastLogin(null).lastFollowUp(NEVER))).isEmpty();
        // A null elsewhere does not stop a rule that does not test it.
        assertRow(customer().tier("VIP").firstPurchase(null).lastPurchase(null).lastLogin(null).lastResolution(null)
                .lastFollowUp(30), "VIP_CARE", 80, 5);
    }

    @Test
    void priorityAndDueDaysAreNumbers() {
        DmnDecisionRuleResult row = evaluate(customer().lastResolution(1)).getSingleResult();
        assertThat(row.<Object>getEntry("scenario")).isInstanceOf(String.class);
        assertThat(row.<Object>getEntry("priority")).isInstanceOf(Integer.class).isEqualTo(90);
        assertThat(row.<Object>getEntry("dueDays")).isInstanceOf(Integer.class).isEqualTo(1);
    }
}
