package com.careloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 6, "two write paths per aggregate": follow-ups were inserted by JPA in FollowUpService and by SQL in
 * screening's ChunkStarter; customers by JPA in CustomerService and by SQL in the CSV import. New rows of each table
 * are now written by one class of its own module, for single and bulk writes alike.
 */
class SingleWritePathTest {

    static final Path ROOT = Path.of("src/main/java/com/careloop");

    /** table -> the one source file that inserts its rows. */
    static final Map<String, String> WRITER = Map.of(
            "follow_up", "followup/FollowUpWriter.java",
            "customer", "customer/CustomerWriter.java",
            "feedback_attachment", "feedback/FeedbackAttachments.java");

    @Test
    void eachTableHasOneWriterOfNewRows() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String rel = ROOT.relativize(file).toString().replace('\\', '/');
                String source = Files.readString(file);
                for (var entry : WRITER.entrySet()) {
                    Matcher insert = Pattern.compile("(?i)insert\\s+into\\s+" + entry.getKey() + "\\b(?!_)").matcher(source);
                    if (insert.find() && !rel.equals(entry.getValue())) {
                        violations.add(rel + " inserts into " + entry.getKey());
                    }
                    String module = entry.getValue().substring(0, entry.getValue().indexOf('/'));
                    Matcher update = Pattern.compile("(?i)update\\s+" + entry.getKey() + "\\s+set\\b").matcher(source);
                    if (update.find() && !rel.startsWith(module + "/")) {
                        violations.add(rel + " updates " + entry.getKey() + " outside module " + module);
                    }
                }
                if (source.contains("new FollowUp(") && !rel.startsWith("followup/")) {
                    violations.add(rel + " builds follow-up entities");
                }
            }
        }
        assertThat(violations).isEmpty();
        assertThat(Files.readString(ROOT.resolve("followup/FollowUpService.java"))).as("no JPA insert beside the writer")
                .doesNotContain(".save(").doesNotContain(".saveAndFlush(");
        assertThat(Files.readString(ROOT.resolve("customer/CustomerService.java"))).as("no JPA insert beside the writer")
                .doesNotContain(".save(").doesNotContain(".saveAndFlush(");
    }
}
