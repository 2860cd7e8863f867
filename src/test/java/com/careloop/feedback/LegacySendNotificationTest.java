package com.careloop.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

/**
 * The legacy delegate serves only definitions deployed before the external notification tasks (see its Javadoc;
 * FeedbackHandlingProcessTest runs such a task through it): no current model names it, and it keeps the bean name
 * those definitions resolve.
 */
class LegacySendNotificationTest {

    @Test
    void noCurrentModelNamesItAndItKeepsTheNameOldDefinitionsUse() throws IOException {
        List<Path> models;
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            models = files.filter(f -> f.toString().endsWith(".bpmn")).toList();
        }
        assertThat(models).isNotEmpty();
        for (Path model : models) {
            assertThat(Files.readString(model)).as(model.toString()).doesNotContain("sendNotification");
        }
        assertThat(LegacySendNotification.class.getAnnotation(Component.class).value()).isEqualTo("sendNotification");
    }
}
