package com.careloop.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.sla.ServiceParameters.Parameter;
import com.careloop.testsupport.CareLoopTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The application reads the deployed serviceParameters table: for anyone signed in, and a redeployed one at once. */
class ServiceParametersDeployedTest extends CareLoopTest {

    @Autowired ServiceParameters parameters;
    @Autowired RepositoryService repository;
    @Autowired IdentityService identity;

    String redeployment;

    @AfterEach
    void restore() {
        identity.clearAuthentication();
        if (redeployment != null) {
            repository.deleteDeployment(redeployment, true);
        }
    }

    @Test
    void theDeployedTableIsTheFileInBpmnWhoeverIsSignedIn() throws Exception {
        ServiceParameters file;
        try (InputStream in = Files.newInputStream(Path.of(ServiceParameters.RESOURCE))) {
            file = ServiceParameters.fromModel(in, ServiceParameters.RESOURCE);
        }
        identity.setAuthentication("agent1", List.of("agents"));
        for (Parameter p : Parameter.values()) {
            assertThat(parameters.value(p)).as(p.key()).isEqualTo(file.value(p));
        }
        assertThat(identity.getCurrentAuthentication().getUserId()).as("the agent is still signed in").isEqualTo("agent1");
    }

    @Test
    void aRedeployedTableTakesEffectAtTheNextRead() throws Exception {
        double shipped = parameters.reminderAt();
        String xml = Files.readString(Path.of(ServiceParameters.RESOURCE), StandardCharsets.UTF_8);
        String edited = xml.replaceFirst("(\"feedback\\.reminderAt\"</text></inputEntry>\\s*<outputEntry id=\"[^\"]+\"><text>)\"[^\"]*\"",
                "$1\"0.75\"");
        assertThat(edited).isNotEqualTo(xml);
        redeployment = repository.createDeployment().name("designer edit").addString("serviceParameters.dmn", edited).deploy().getId();

        assertThat(parameters.reminderAt()).isEqualTo(0.75);
        repository.deleteDeployment(redeployment, true);
        redeployment = null;
        assertThat(parameters.reminderAt()).as("back to the shipped version").isEqualTo(shipped);
    }
}
