package com.careloop;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.identity.CareLoopGroups;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/** A candidate group a designer types into a user task in Modeler is one of the contract's groups. */
class ModelGroupsTest {

    static final Set<String> CONTRACT_GROUPS = Set.of(CareLoopGroups.AGENTS, CareLoopGroups.CS_SUPERVISORS,
            CareLoopGroups.CS_MANAGERS, CareLoopGroups.CS_CENTER, CareLoopGroups.AFTERSALES_TECH, CareLoopGroups.PRODUCT,
            CareLoopGroups.SALES);

    @Test
    void everyLiteralCandidateGroupInTheModelsIsAContractGroup() throws IOException {
        int checked = 0;
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                for (UserTask task : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class)) {
                    String groups = task.getCamundaCandidateGroups();
                    if (groups == null || groups.contains("${") || groups.contains("#{")) {
                        continue; // an expression: the routing table's groups are checked in FeedbackRoutingDmnTest
                    }
                    for (String group : Arrays.stream(groups.split(",")).map(String::trim).toList()) {
                        assertThat(group).as(file.getFileName() + " " + task.getId()).isIn(CONTRACT_GROUPS);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).as("literal candidate groups found").isPositive();
    }
}
