package com.careloop.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerTier;
import com.careloop.customer.MainlandMobile;
import com.careloop.engine.LatestDecision;
import com.careloop.feedback.FeedbackType;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;

/**
 * Properties of bpmn/surveyChannel.dmn that hold whatever a designer changes in the cells: every follow-up and every
 * re-visit gets a channel; without a mainland mobile number or with texts refused it is always the phone, and after a
 * survey text within the suppression window too; a text
 * always waits a positive number of hours; the seeds' phone policies stay phone (seed 003: new purchase,
 * post-resolution, churn risk; seed 004: complaint re-visits by the supervisors); an appointment text only before a
 * call; every row says why.
 */
class SurveyChannelDmnTest {

    static final Path FILE = Path.of("bpmn/surveyChannel.dmn");

    static DmnDecision decision() throws Exception {
        return LatestDecision.DMN.parseDecision(SurveyChannel.DECISION_KEY, Files.newInputStream(FILE));
    }

    static DecisionTable table() {
        Decision model = Dmn.readModelFromFile(new File(FILE.toString())).getModelElementById(SurveyChannel.DECISION_KEY);
        return (DecisionTable) model.getExpression();
    }

    /** Every combination of the inputs: scenarios × tiers × (no feedback type, every type) × mobile × opted out × texted recently. */
    static List<SurveyChannel.Facts> everyCombination() {
        List<SurveyChannel.Facts> all = new ArrayList<>();
        List<String> types = new ArrayList<>();
        types.add(null);
        for (FeedbackType t : FeedbackType.values()) {
            types.add(t.name());
        }
        for (Scenario s : Scenario.values()) {
            for (CustomerTier tier : CustomerTier.values()) {
                for (String type : types) {
                    for (boolean mobile : new boolean[] {true, false}) {
                        for (boolean out : new boolean[] {true, false}) {
                            for (boolean recently : new boolean[] {true, false}) {
                                all.add(new SurveyChannel.Facts(s, tier, type, mobile, out, recently));
                            }
                        }
                    }
                }
            }
        }
        return all;
    }

    @Test
    void firstMatchingRowDecidesAndEveryCombinationHasOne() throws Exception {
        assertThat(table().getHitPolicy()).as("FIRST: the no-mobile and opted-out rows on top win").isEqualTo(HitPolicy.FIRST);
        DmnDecision d = decision();
        for (SurveyChannel.Facts f : everyCombination()) {
            SurveyChannel.Choice c = SurveyChannel.decide(d, f);
            assertThat(c.channel()).as(f.toString()).isNotNull();
        }
    }

    @Test
    void noMobileOrTextsRefusedMeansPhoneWithoutAnyText() throws Exception {
        DmnDecision d = decision();
        for (SurveyChannel.Facts f : everyCombination()) {
            if (!f.hasMobile() || f.optedOut()) {
                SurveyChannel.Choice c = SurveyChannel.decide(d, f);
                assertThat(c.channel()).as(f.toString()).isEqualTo(SurveyMode.PHONE);
                assertThat(c.appointmentText()).as(f.toString()).isFalse();
            }
        }
    }

    @Test
    void theTableItselfSaysPhoneForNoMobileAndOptedOut() throws Exception {
        // not only the Java guard: the designer sees the rule in the model
        DmnDecision d = decision();
        for (SurveyChannel.Facts f : everyCombination()) {
            if (!f.hasMobile() || f.optedOut()) {
                var in = new java.util.HashMap<String, Object>();
                in.put("scenario", f.scenario().name());
                in.put("tier", f.tier().name());
                in.put("feedbackType", f.feedbackType());
                in.put("hasMobile", f.hasMobile());
                in.put("optedOut", f.optedOut());
                in.put("textedRecently", f.textedRecently());
                assertThat(LatestDecision.DMN.evaluateDecisionTable(d, in).getFirstResult().get("channel")).as(f.toString())
                        .isEqualTo("PHONE");
            }
        }
    }

    @Test
    void atMostOneSurveyTextPerCustomerInTheSuppressionWindow() throws Exception {
        DmnDecision d = decision();
        for (SurveyChannel.Facts f : everyCombination()) {
            if (f.textedRecently()) {
                assertThat(SurveyChannel.decide(d, f).channel()).as(f.toString()).isEqualTo(SurveyMode.PHONE);
            }
        }
    }

    @Test
    void aTextAlwaysWaitsSomeHoursAndAnAppointmentOnlyPrecedesACall() throws Exception {
        DmnDecision d = decision();
        for (SurveyChannel.Facts f : everyCombination()) {
            SurveyChannel.Choice c = SurveyChannel.decide(d, f);
            if (c.channel().texts()) {
                assertThat(c.waitHours()).as(f.toString()).isPositive();
            }
            if (c.appointmentText()) {
                assertThat(c.channel()).as(f.toString()).isEqualTo(SurveyMode.PHONE);
            }
        }
    }

    @Test
    void theSeedsPhonePoliciesStayPhone() throws Exception {
        DmnDecision d = decision();
        for (SurveyChannel.Facts f : everyCombination()) {
            SurveyChannel.Choice c = SurveyChannel.decide(d, f);
            boolean phonePolicyScenario = f.feedbackType() == null && (f.scenario() == Scenario.NEW_PURCHASE
                    || f.scenario() == Scenario.POST_RESOLUTION || f.scenario() == Scenario.CHURN_RISK);
            boolean complaintRevisit = FeedbackType.COMPLAINT.name().equals(f.feedbackType());
            if (phonePolicyScenario || complaintRevisit) {
                assertThat(c.channel()).as(f.toString()).isEqualTo(SurveyMode.PHONE);
            }
        }
    }

    @Test
    void someFollowUpIsSurveyedByTextWhenTheCustomerHasAMobile() throws Exception {
        // the table is not all phone: at least one scenario and one re-visit type text first
        DmnDecision d = decision();
        List<SurveyChannel.Facts> texted = everyCombination().stream()
                .filter(f -> SurveyChannel.decide(d, f).channel().texts()).toList();
        assertThat(texted).allMatch(f -> f.hasMobile() && !f.optedOut() && !f.textedRecently());
        assertThat(texted).anyMatch(f -> f.feedbackType() == null).anyMatch(f -> f.feedbackType() != null);
    }

    @Test
    void everyRowSaysWhyAndTheLastCatchesAll() {
        List<Rule> rules = new ArrayList<>(table().getRules());
        assertThat(rules).allSatisfy(r -> assertThat(r.getDescription()).isNotNull());
        Rule last = rules.get(rules.size() - 1);
        assertThat(last.getInputEntries()).allSatisfy(e -> assertThat(e.getTextContent().trim()).isIn("", "-"));
    }

    @Test
    void mainlandMobileNumbersAre1_3to9_andNineDigits() {
        assertThat(MainlandMobile.matches("13812345678")).isTrue();
        assertThat(MainlandMobile.matches("+86 138-1234-5678")).isTrue();
        assertThat(MainlandMobile.matches("8619912345678")).isTrue();
        assertThat(MainlandMobile.matches("12812345678")).as("1 then 2 is no mobile prefix").isFalse();
        assertThat(MainlandMobile.matches("010-62345678")).as("a Beijing landline").isFalse();
        assertThat(MainlandMobile.matches("1381234567")).as("10 digits").isFalse();
        assertThat(MainlandMobile.matches(null)).isFalse();
    }
}
