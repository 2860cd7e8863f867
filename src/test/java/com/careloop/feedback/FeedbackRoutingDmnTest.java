package com.careloop.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.careloop.identity.CareLoopGroups;
import com.careloop.sla.SlaClock;
import com.careloop.sla.SlaDuration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Properties of bpmn/feedbackRouting.dmn that hold whatever thresholds a designer sets in Modeler (no cell is
 * pinned here): the table covers every feedback type and urgency exactly once, its SLAs parse, its groups are the
 * contract's, and no row is dead.
 */
class FeedbackRoutingDmnTest {

    static final Path FILE = Path.of("bpmn/feedbackRouting.dmn");

    /** The groups a feedback item may be routed to: the contract's candidate groups (DESIGN.md), not admins. */
    static final Set<String> CONTRACT_GROUPS = Set.of(CareLoopGroups.AGENTS, CareLoopGroups.CS_SUPERVISORS,
            CareLoopGroups.CS_MANAGERS, CareLoopGroups.CS_CENTER, CareLoopGroups.AFTERSALES_TECH, CareLoopGroups.PRODUCT,
            CareLoopGroups.SALES);

    static DmnEngine engine;
    static DmnDecision decision;
    static DmnModelInstance model;
    /** ids of the rules that matched in the last evaluation */
    static final List<String> matched = new ArrayList<>();

    @BeforeAll
    static void parseDecision() throws IOException {
        DmnEngineConfiguration config = DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        config.customPostDecisionTableEvaluationListeners(List.of(new DmnDecisionTableEvaluationListener() {
            @Override
            public void notify(DmnDecisionTableEvaluationEvent event) {
                matched.clear();
                event.getMatchingRules().forEach(r -> matched.add(r.getId()));
            }
        }));
        engine = config.buildEngine();
        try (InputStream in = Files.newInputStream(FILE)) {
            decision = engine.parseDecision("feedbackRouting", in);
        }
        try (InputStream in = Files.newInputStream(FILE)) {
            model = Dmn.readModelFromStream(in);
        }
    }

    static DmnDecisionTableResult evaluate(FeedbackType type, Urgency urgency) {
        return engine.evaluateDecisionTable(decision, Map.of("feedbackType", type.name(), "feedbackUrgency", urgency.name()));
    }

    static DecisionTable table() {
        return model.getModelElementsByType(DecisionTable.class).iterator().next();
    }

    @Test
    void hitPolicyIsUniqueSoAnOverlapFailsInsteadOfPickingARow() {
        assertThat(decision.isDecisionTable()).isTrue();
        assertThat(table().getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
    }

    @Test
    void everyTypeAndUrgencyMatchesExactlyOneRule() {
        for (FeedbackType type : FeedbackType.values()) {
            for (Urgency urgency : Urgency.values()) {
                String combination = type + "/" + urgency;
                assertThatCode(() -> evaluate(type, urgency)).as(combination + " matches more than one rule").doesNotThrowAnyException();
                assertThat(matched).as(combination + ": matching rules").hasSize(1);
                assertThat(evaluate(type, urgency)).as(combination).hasSize(1);
            }
        }
    }

    @Test
    void everyRowIsReachedBySomeTypeAndUrgency() {
        Set<String> reached = new HashSet<>();
        for (FeedbackType type : FeedbackType.values()) {
            for (Urgency urgency : Urgency.values()) {
                evaluate(type, urgency);
                reached.addAll(matched);
            }
        }
        List<String> rows = table().getRules().stream().map(Rule::getId).toList();
        assertThat(reached).as("rows no feedback type and urgency can reach").containsExactlyInAnyOrderElementsOf(rows);
    }

    @Test
    void everyOutputIsValid() {
        for (FeedbackType type : FeedbackType.values()) {
            for (Urgency urgency : Urgency.values()) {
                String combination = type + "/" + urgency;
                DmnDecisionRuleResult row = evaluate(type, urgency).getSingleResult();
                assertThat(row.<String>getEntry("candidateGroup")).as(combination + " candidate group").isIn(CONTRACT_GROUPS);
                String response = row.getEntry("responseSla");
                String resolution = row.getEntry("resolutionSla");
                assertThatCode(() -> SlaDuration.parse(response)).as(combination + " response SLA").doesNotThrowAnyException();
                assertThatCode(() -> SlaDuration.parse(resolution)).as(combination + " resolution SLA").doesNotThrowAnyException();
                assertThat(positive(SlaDuration.parse(response))).as(combination + " response SLA > 0").isTrue();
                assertThat(positive(SlaDuration.parse(resolution))).as(combination + " resolution SLA > 0").isTrue();
                assertThat(row.<Object>getEntry("clock")).as(combination + " clock").isNotNull();
                assertThatCode(() -> SlaClock.parse(row.getEntry("clock"))).as(combination + " clock").doesNotThrowAnyException();
                assertThat(row.<Object>getEntry("revisitRequired")).as(combination + " re-visit").isInstanceOf(Boolean.class);
            }
        }
    }

    @Test
    void resolutionIsNeverDueBeforeTheResponse() {
        for (FeedbackType type : FeedbackType.values()) {
            for (Urgency urgency : Urgency.values()) {
                DmnDecisionRuleResult row = evaluate(type, urgency).getSingleResult();
                SlaDuration response = SlaDuration.parse(row.getEntry("responseSla"));
                SlaDuration resolution = SlaDuration.parse(row.getEntry("resolutionSla"));
                // one clock for both stages; a day counted as 24 h is enough to order them
                boolean ordered = resolution.days() * 24L * 60 + resolution.time().toMinutes()
                        >= response.days() * 24L * 60 + response.time().toMinutes();
                assertThat(ordered).as(type + "/" + urgency + ": resolution " + resolution + " before response " + response).isTrue();
            }
        }
    }

    @Test
    void everyRowSaysWhoResolves() {
        for (FeedbackType type : FeedbackType.values()) {
            for (Urgency urgency : Urgency.values()) {
                Object resolveBy = evaluate(type, urgency).getSingleResult().getEntry(ResolveBy.OUTPUT);
                assertThat(resolveBy).as(type + "/" + urgency + ": resolveBy").isNotNull();
                assertThatCode(() -> ResolveBy.of(Map.of(ResolveBy.OUTPUT, resolveBy))).as(type + "/" + urgency).doesNotThrowAnyException();
            }
        }
    }

    static boolean positive(SlaDuration d) {
        return d.days() > 0 || !d.time().isZero();
    }
}
