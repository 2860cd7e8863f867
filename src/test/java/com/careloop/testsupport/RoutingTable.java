package com.careloop.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/**
 * What bpmn/feedbackRouting.dmn says for a type and urgency, so that process tests expect the designers' routing
 * instead of pinning a group that a designer may change in Modeler.
 */
public final class RoutingTable {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private static final DmnDecision DECISION = parse();

    private RoutingTable() {
    }

    private static DmnDecision parse() {
        try (InputStream in = Files.newInputStream(Path.of("bpmn/feedbackRouting.dmn"))) {
            return DMN.parseDecision("feedbackRouting", in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> row(Enum<?> type, Enum<?> urgency) {
        return DMN.evaluateDecisionTable(DECISION, Map.of("feedbackType", type.name(), "feedbackUrgency", urgency.name()))
                .getSingleResult().getEntryMap();
    }

    /** the owner group the table routes this type and urgency to */
    public static String group(Enum<?> type, Enum<?> urgency) {
        return (String) row(type, urgency).get("candidateGroup");
    }
}
