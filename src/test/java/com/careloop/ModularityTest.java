package com.careloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules are enforced, not named: Spring Modulith checks that dependencies between the feature packages
 * have no cycles, stay within what each module's package-info.java allows, and touch only the other module's
 * API; and writes the module documentation (component diagrams and module canvases) to
 * target/spring-modulith-docs.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(CareLoopApplication.class);

    @Test
    void modulesDependOnlyOnWhatTheyDeclare() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }

    /** Engine internals (org.camunda.bpm.engine.impl) only in the one engine-configuration package, so a fork swap stays a rename. */
    @Test
    void engineInternalsOnlyInTheEnginePackage() throws IOException {
        Path root = Path.of("src/main/java/com/careloop");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (!root.relativize(file).startsWith("engine") && Files.readString(file).contains("import org.camunda.bpm.engine.impl.")) {
                    offenders.add(root.relativize(file).toString());
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    /**
     * Events between modules are handled in the publisher's transaction (plain {@code @EventListener}): the listener's
     * writes commit or roll back with the change that raised the event, so a crash loses none. A listener that runs
     * after the commit or on another thread ({@code @ApplicationModuleListener}, {@code @Async},
     * {@code @TransactionalEventListener} after commit) could lose an event on a crash unless Spring Modulith's event
     * publication registry (spring-modulith-starter-jpa and its event_publication table) records it first.
     */
    @Test
    void listenersAfterTheCommitOnlyWithTheEventPublicationRegistry() throws IOException {
        Path root = Path.of("src/main/java/com/careloop");
        List<String> deferred = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (source.contains("@ApplicationModuleListener") || source.contains("@Async") || source.contains("@TransactionalEventListener")) {
                    deferred.add(root.relativize(file).toString());
                }
            }
        }
        if (!deferred.isEmpty()) {
            assertThat(Files.readString(Path.of("pom.xml"))).as("listeners after the commit in " + deferred
                    + " need the event publication registry").contains("<artifactId>spring-modulith-starter-jpa</artifactId>");
        }
    }
}
