package com.careloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docker-compose.yml gives the app exactly the environment the "postgres" profile reads. */
class DockerComposeInStepTest {

    @Test
    void composeEnvironmentMatchesThePostgresProfile() throws IOException {
        Set<String> read = new TreeSet<>();
        for (String file : new String[] {"src/main/resources/application-postgres.yml", "src/main/resources/application.yml"}) {
            Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)").matcher(Files.readString(Path.of(file)));
            while (m.find()) {
                read.add(m.group(1));
            }
        }
        read.remove("PORT"); // optional server port, defaulted
        String compose = Files.readString(Path.of("docker-compose.yml"));
        String appEnvironment = compose.substring(compose.indexOf("  app:"));
        appEnvironment = appEnvironment.substring(appEnvironment.indexOf("environment:"));
        Set<String> given = new TreeSet<>();
        Matcher m = Pattern.compile("^\\s{6}([A-Z][A-Z0-9_]*):", Pattern.MULTILINE).matcher(appEnvironment);
        while (m.find()) {
            given.add(m.group(1));
        }
        assertThat(given).isEqualTo(read);
        assertThat(compose).contains("spring-boot.run.profiles=postgres");
    }
}
