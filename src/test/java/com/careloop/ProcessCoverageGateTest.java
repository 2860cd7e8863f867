package com.careloop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Process-test coverage is enforced: after every other test class of the run (junit-platform.properties orders this
 * one last), every flow node of every executable process in bpmn/ must have been passed by some test, as recorded
 * by camunda-process-test-coverage in target/process-test-coverage (reports written by this run only). Below 100 %
 * the build fails, naming the nodes no test reaches.
 */
@Order(Integer.MAX_VALUE)
class ProcessCoverageGateTest {

    static final Path REPORTS = Path.of("target/process-test-coverage");
    static final Path MODELS = Path.of("bpmn");

    /** process key -> its flow node ids (sub-process contents included), from the models in bpmn/ */
    static Map<String, Set<String>> flowNodes() throws IOException {
        Map<String, Set<String>> nodes = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(MODELS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                    Process process = processOf(node);
                    if (process != null && process.isExecutable()) {
                        nodes.computeIfAbsent(process.getId(), k -> new TreeSet<>()).add(node.getId());
                    }
                }
            }
        }
        return nodes;
    }

    static Process processOf(ModelElementInstance element) {
        ModelElementInstance e = element.getParentElement();
        while (e != null && !(e instanceof Process)) {
            e = e.getParentElement();
        }
        return (Process) e;
    }

    /** process key -> flow nodes passed in this run's coverage reports */
    static Map<String, Set<String>> covered(List<File> reports) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Set<String>> covered = new HashMap<>();
        for (File report : reports) {
            for (JsonNode suite : json.readTree(report).path("suites")) {
                for (JsonNode run : suite.path("runs")) {
                    for (JsonNode event : run.path("events")) {
                        if ("FLOW_NODE".equals(event.path("source").asText())) {
                            covered.computeIfAbsent(event.path("modelKey").asText(), k -> new TreeSet<>())
                                    .add(event.path("definitionKey").asText());
                        }
                    }
                }
            }
        }
        return covered;
    }

    static List<File> reportsOfThisRun() throws IOException {
        long started = ManagementFactory.getRuntimeMXBean().getStartTime();
        if (!Files.isDirectory(REPORTS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(REPORTS)) {
            return files.filter(f -> f.getFileName().toString().equals("report.json")).map(Path::toFile)
                    .filter(f -> f.lastModified() >= started - 1000).toList();
        }
    }

    @Test
    void everyFlowNodeOfEveryProcessIsCoveredByTheTests() throws IOException {
        List<File> reports = reportsOfThisRun();
        Assumptions.assumeFalse(reports.isEmpty(),
                "no process test ran in this JVM (a single test was selected): nothing to check");
        Map<String, Set<String>> covered = covered(reports);
        List<String> gaps = new ArrayList<>();
        flowNodes().forEach((process, nodes) -> {
            Set<String> missing = new TreeSet<>(nodes);
            missing.removeAll(covered.getOrDefault(process, Set.of()));
            if (!missing.isEmpty()) {
                gaps.add(String.format("%s: %d of %d flow nodes (%.1f %%) - never passed: %s", process,
                        nodes.size() - missing.size(), nodes.size(), 100.0 * (nodes.size() - missing.size()) / nodes.size(), missing));
            }
        });
        assertThat(gaps).as("flow-node coverage below 100 % (" + reports.size() + " coverage reports of this run under "
                + REPORTS + ")").isEmpty();
    }
}
