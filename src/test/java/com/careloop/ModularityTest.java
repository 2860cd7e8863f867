package com.careloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
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
        assertThat(mainSources((file, source) -> !file.startsWith("engine") && source.contains("import org.camunda.bpm.engine.impl."))).isEmpty();
    }

    /** The main sources (paths relative to com/careloop) that match. */
    static List<String> mainSources(BiPredicate<Path, String> matches) throws IOException {
        Path root = Path.of("src/main/java/com/careloop");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (matches.test(root.relativize(file), Files.readString(file))) {
                    found.add(root.relativize(file).toString());
                }
            }
        }
        return found;
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
        List<String> deferred = mainSources((file, source) -> source.contains("@ApplicationModuleListener") || source.contains("@Async")
                || source.contains("@TransactionalEventListener"));
        if (!deferred.isEmpty()) {
            assertThat(Files.readString(Path.of("pom.xml"))).as("listeners after the commit in " + deferred
                    + " need the event publication registry").contains("<artifactId>spring-modulith-starter-jpa</artifactId>");
        }
    }

    /**
     * A module's API is its public services, view records, events and enums: the JPA entities and Spring Data
     * repositories of a module's base package are package-private, so no other module can read or write its tables
     * around it (types in sub-packages are module-internal for Spring Modulith anyway).
     */
    @Test
    void entitiesAndRepositoriesAreNotTheApi() {
        List<String> exposed = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.careloop").stream()
                .filter(c -> c.getPackageName().split("\\.").length == 3)
                .filter(c -> c.isAnnotatedWith(Entity.class) || (c.isInterface() && c.isAssignableTo(Repository.class)))
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                .map(JavaClass::getName).toList();
        assertThat(exposed).isEmpty();
    }
}
