package com.careloop.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.followup.ReachedCalls.ReachedCall;
import com.careloop.followup.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Properties of bpmn/callReviewSampling.dmn and the sampler that hold whatever a designer sets: the random sample per
 * agent is within the table's at-least / at-most and never more than the agent's calls, grows with the calls, every
 * call the rules always review is chosen with its reason, no call twice nor one reviewed before, a second run of the
 * week adds none; and the shipped rule of issue 15 (5 %, at least 2, at most 10) in substance: 1 call, 40, 100, 300.
 */
class CallReviewSamplingDmnTest {

    static final Path FILE = Path.of("bpmn/callReviewSampling.dmn");
    static SamplingRules rules;

    @BeforeAll
    static void read() throws Exception {
        rules = SamplingRules.parse(Files.readAllBytes(FILE));
    }

    static ReachedCall call(long id, String agent, int satisfaction, int nps, boolean complaint, Boolean resolved) {
        return new ReachedCall(id, "FU-T-" + id, agent, Scenario.USAGE, Instant.parse("2026-11-03T02:00:00Z"), satisfaction, nps,
                complaint, resolved);
    }

    /** {@code n} calls of one agent that no rule always reviews (satisfied promoters) */
    static List<ReachedCall> goodCalls(String agent, int n, long firstId) {
        List<ReachedCall> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(call(firstId + i, agent, 5, 10, false, true));
        }
        return calls;
    }

    @Test
    void everyRowIsDescribedInBothLanguages() {
        for (Rule row : Dmn.readModelFromFile(FILE.toFile()).getModelElementsByType(Rule.class)) {
            assertThat(row.getDescription()).as(row.getId()).isNotNull();
            assertThat(row.getDescription().getTextContent()).as(row.getId()).matches("(?s).*\\p{IsHan}.*").matches("(?s).*[A-Za-z]{3,}.*");
        }
    }

    @Test
    void theRandomSampleStaysWithinTheTableAndTheAgentsCalls() {
        int previous = 0;
        for (int n = 1; n <= 400; n++) {
            int size = rules.sampleSize(n);
            assertThat(size).as("%d calls", n).isBetween(1, n);
            assertThat(size).as("%d calls: never fewer than before", n).isGreaterThanOrEqualTo(previous);
            previous = size;
        }
        assertThat(rules.sampleSize(0)).isZero();
    }

    @Test
    void theShippedRuleOfTheIssue() {
        assertThat(rules.sampleSize(1)).as("an agent with 1 call: that call (fewer than at least 2)").isEqualTo(1);
        assertThat(rules.sampleSize(2)).isEqualTo(2);
        assertThat(rules.sampleSize(40)).as("5 % of 40 = 2").isEqualTo(2);
        assertThat(rules.sampleSize(41)).as("5 % of 41 rounds up to 3").isEqualTo(3);
        assertThat(rules.sampleSize(100)).isEqualTo(5);
        assertThat(rules.sampleSize(300)).as("5 % of 300 = 15, at most 10").isEqualTo(10);
    }

    @Test
    void theCallsAlwaysReviewedCarryTheirReason() {
        assertThat(rules.alwaysReason(call(1, "a", 5, 10, false, true))).isEmpty();
        assertThat(rules.alwaysReason(call(1, "a", 3, 7, false, null))).as("3 and 7: neither low").isEmpty();
        assertThat(rules.alwaysReason(call(1, "a", 2, 10, false, true))).hasValue("LOW_SATISFACTION");
        assertThat(rules.alwaysReason(call(1, "a", 1, 10, false, true))).hasValue("LOW_SATISFACTION");
        assertThat(rules.alwaysReason(call(1, "a", 5, 6, false, true))).hasValue("LOW_NPS");
        assertThat(rules.alwaysReason(call(1, "a", 5, 0, false, true))).hasValue("LOW_NPS");
        assertThat(rules.alwaysReason(call(1, "a", 5, 10, true, true))).hasValue("COMPLAINT");
        assertThat(rules.alwaysReason(call(1, "a", 5, 10, false, false))).hasValue("NOT_RESOLVED");
    }

    @Test
    void threeHundredCallsOfOneAgent() {
        List<ReachedCall> calls = goodCalls("agentA", 300, 1);
        calls.set(10, call(11, "agentA", 1, 2, false, true));
        calls.set(20, call(21, "agentA", 5, 10, true, true));
        calls.set(30, call(31, "agentA", 5, 10, false, false));
        List<Sample> chosen = Sampler.sample(calls, Set.of(), Map.of(), rules, 42);
        assertThat(chosen.stream().map(s -> s.call().followUpId()).collect(Collectors.toSet())).as("no call twice").hasSize(chosen.size());
        assertThat(chosen.stream().filter(s -> !s.reason().equals(Sample.RANDOM))).extracting(s -> s.call().followUpId())
                .containsExactlyInAnyOrder(11L, 21L, 31L);
        assertThat(chosen.stream().filter(s -> s.reason().equals(Sample.RANDOM))).hasSize(rules.sampleSize(300));
        assertThat(Sampler.sample(calls, Set.of(), Map.of(), rules, 42)).as("the same week chooses the same calls").isEqualTo(chosen);
    }

    @Test
    void oneCallAndFewerCallsThanTheMinimum() {
        assertThat(Sampler.sample(goodCalls("agentB", 1, 1), Set.of(), Map.of(), rules, 1)).hasSize(1);
        assertThat(Sampler.sample(List.of(), Set.of(), Map.of(), rules, 1)).isEmpty();
        List<ReachedCall> one = List.of(call(7, "agentB", 1, 0, true, false));
        assertThat(Sampler.sample(one, Set.of(), Map.of(), rules, 1)).as("always reviewed, not twice").singleElement()
                .satisfies(s -> assertThat(s.reason()).isEqualTo("COMPLAINT"));
    }

    @Test
    void eachAgentIsSampledOnItsOwn() {
        List<ReachedCall> calls = new ArrayList<>(goodCalls("agentC", 300, 1));
        calls.addAll(goodCalls("agentD", 1, 1000));
        List<Sample> chosen = Sampler.sample(calls, Set.of(), Map.of(), rules, 7);
        assertThat(chosen.stream().filter(s -> s.call().agent().equals("agentC"))).hasSize(rules.sampleSize(300));
        assertThat(chosen.stream().filter(s -> s.call().agent().equals("agentD"))).hasSize(rules.sampleSize(1));
    }

    @Test
    void neverTwiceAndASecondRunOfTheWeekAddsNone() {
        List<ReachedCall> calls = goodCalls("agentE", 100, 1);
        calls.set(0, call(1, "agentE", 2, 3, false, true));
        List<Sample> first = Sampler.sample(calls, Set.of(), Map.of(), rules, 3);
        Set<Long> reviewed = first.stream().map(s -> s.call().followUpId()).collect(Collectors.toCollection(HashSet::new));
        int random = (int) first.stream().filter(s -> s.reason().equals(Sample.RANDOM)).count();
        assertThat(Sampler.sample(calls, reviewed, Map.of("agentE", random), rules, 3)).isEmpty();
        // without the week's earlier count (another week's run over the same calls), still none of the reviewed calls
        assertThat(Sampler.sample(calls, reviewed, Map.of(), rules, 4)).extracting(s -> s.call().followUpId())
                .doesNotContainAnyElementsOf(reviewed);
    }
}
