package com.careloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Package-by-feature with dependencies pointing one way: identity, sla, notification (and the small shared
 * api, engine, numbering helpers) are leaves; quality only reads; nothing depends on demo or config wiring.
 */
class ModuleBoundariesTest {

    static final Path ROOT = Path.of("src/main/java/com/careloop");
    static final Pattern IMPORT = Pattern.compile("^import (?:static )?com\\.careloop\\.(\\w+)\\.", Pattern.MULTILINE);

    /** package -> the CareLoop packages it may use. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("api", Set.of()),
            Map.entry("engine", Set.of("identity")),
            Map.entry("numbering", Set.of()),
            Map.entry("sla", Set.of()),
            Map.entry("notification", Set.of()),
            Map.entry("identity", Set.of("api")),
            Map.entry("customer", Set.of("api", "identity")),
            Map.entry("calendar", Set.of("api", "identity", "engine", "sla")),
            Map.entry("feedback", Set.of("api", "identity", "engine", "numbering", "sla", "notification", "customer")),
            Map.entry("followup", Set.of("api", "identity", "engine", "numbering", "sla", "customer", "feedback")),
            Map.entry("screening", Set.of("api", "identity", "engine", "numbering", "sla", "customer", "followup")),
            Map.entry("quality", Set.of("api", "identity", "customer", "followup", "feedback")),
            Map.entry("demo", Set.of("customer", "followup", "feedback", "screening", "engine")),
            Map.entry("config", Set.of("sla", "identity", "demo", "engine")));

    @Test
    void dependenciesPointOneWay() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path rel = ROOT.relativize(file);
                if (rel.getNameCount() < 2) {
                    continue;
                }
                String pkg = rel.getName(0).toString();
                assertThat(ALLOWED).as("package " + pkg + " has no declared dependencies in this test").containsKey(pkg);
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String used = m.group(1);
                    if (!used.equals(pkg) && !ALLOWED.get(pkg).contains(used)) {
                        violations.add(rel + " uses " + used);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    /** Engine internals (org.camunda.bpm.engine.impl) only in the one engine-configuration package, so a fork swap stays a rename. */
    @Test
    void engineInternalsOnlyInTheEnginePackage() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (!ROOT.relativize(file).startsWith("engine") && Files.readString(file).contains("import org.camunda.bpm.engine.impl.")) {
                    offenders.add(ROOT.relativize(file).toString());
                }
            }
        }
        assertThat(offenders).isEmpty();
    }
}
