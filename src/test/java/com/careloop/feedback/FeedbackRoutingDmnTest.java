package com.careloop.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.careloop.sla.SlaClock;
import com.careloop.sla.SlaDuration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bpmn/feedbackRouting.dmn evaluated with the standalone DMN engine. */
class FeedbackRoutingDmnTest {

    static DmnEngine engine;
    static DmnDecision decision;

    @BeforeAll
    static void parseDecision() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = Files.newInputStream(Path.of("bpmn/feedbackRouting.dmn"))) {
            decision = engine.parseDecision("feedbackRouting", in);
        }
    }

    static DmnDecisionTableResult evaluate(String type, String urgency) {
        return engine.evaluateDecisionTable(decision, Map.of("feedbackType", type, "feedbackUrgency", urgency));
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3}/{4} {5} revisit={6}")
    @CsvSource({
            // Rule_01..Rule_06
            "COMPLAINT,        URGENT, cs-supervisors,  PT2H,  PT24H, WALL,    true",
            "COMPLAINT,        NORMAL, cs-supervisors,  P1D,   P3D,   WORKING, true",
            "COMPLAINT,        LOW,    cs-supervisors,  P3D,   P10D,  WORKING, true",
            "PROBLEM,          URGENT, aftersales-tech, PT2H,  PT24H, WALL,    true",
            "PROBLEM,          NORMAL, aftersales-tech, PT24H, PT72H, WALL,    true",
            "PROBLEM,          LOW,    aftersales-tech, P3D,   P10D,  WORKING, true",
            // Rule_07: any urgency
            "SUGGESTION,       URGENT, product,         P3D,   P10D,  WORKING, false",
            "SUGGESTION,       NORMAL, product,         P3D,   P10D,  WORKING, false",
            "SUGGESTION,       LOW,    product,         P3D,   P10D,  WORKING, false",
            // Rule_08..Rule_10
            "CONSULTATION,     URGENT, cs-center,       PT2H,  PT24H, WALL,    false",
            "CONSULTATION,     NORMAL, cs-center,       P1D,   P3D,   WORKING, false",
            "CONSULTATION,     LOW,    cs-center,       P3D,   P5D,   WORKING, false",
            // Rule_11: any urgency
            "SALES_LEAD,       URGENT, sales,           P2D,   P10D,  WORKING, false",
            "SALES_LEAD,       NORMAL, sales,           P2D,   P10D,  WORKING, false",
            "SALES_LEAD,       LOW,    sales,           P2D,   P10D,  WORKING, false",
            // Rule_12: any urgency
            "SERVICE_RECOVERY, URGENT, cs-supervisors,  P1D,   P3D,   WORKING, true",
            "SERVICE_RECOVERY, NORMAL, cs-supervisors,  P1D,   P3D,   WORKING, true",
            "SERVICE_RECOVERY, LOW,    cs-supervisors,  P1D,   P3D,   WORKING, true"
    })
    void eachRuleRoutesToItsGroupWithItsSlas(String type, String urgency, String group, String responseSla,
                                             String resolutionSla, String clock, boolean revisitRequired) {
        DmnDecisionTableResult result = evaluate(type, urgency);

        assertThat(result).hasSize(1);
        DmnDecisionRuleResult row = result.getSingleResult();
        assertThat(row.getEntryMap()).containsOnly(
                Map.entry("candidateGroup", group),
                Map.entry("responseSla", responseSla),
                Map.entry("resolutionSla", resolutionSla),
                Map.entry("clock", clock),
                Map.entry("revisitRequired", revisitRequired));
    }

    @Test
    void everyTypeAndUrgencyMatchesExactlyOneRuleWithParseableSlas() {
        assertThat(decision.isDecisionTable()).isTrue();
        for (FeedbackType type : FeedbackType.values()) {
            for (Urgency urgency : Urgency.values()) {
                String combination = type + "/" + urgency;
                DmnDecisionTableResult result = evaluate(type.name(), urgency.name());
                assertThat(result).as(combination).hasSize(1);
                DmnDecisionRuleResult row = result.getSingleResult();
                assertThat((String) row.getEntry("candidateGroup")).as(combination).isNotBlank();
                assertThatCode(() -> SlaDuration.parse(row.getEntry("responseSla"))).as(combination).doesNotThrowAnyException();
                assertThatCode(() -> SlaDuration.parse(row.getEntry("resolutionSla"))).as(combination).doesNotThrowAnyException();
                assertThatCode(() -> SlaClock.parse(row.getEntry("clock"))).as(combination).doesNotThrowAnyException();
                assertThat(row.<Object>getEntry("clock")).as(combination).isNotNull();
                assertThat(row.<Object>getEntry("revisitRequired")).as(combination).isInstanceOf(Boolean.class);
            }
        }
    }

    @Test
    void unknownTypeMatchesNoRule() {
        assertThat(evaluate("PRAISE", "NORMAL")).isEmpty();
    }
}
