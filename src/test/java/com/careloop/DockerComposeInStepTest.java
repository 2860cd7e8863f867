package com.careloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml, checked without a Docker engine: two app replicas running the packaged jar on a pinned Java
 * runtime image, each with exactly the environment the "postgres" profile reads, a readiness healthcheck and loopback
 * ports; pinned images everywhere.
 */
class DockerComposeInStepTest {

    static final Pattern EXACT_TEMURIN_JRE = Pattern.compile("eclipse-temurin:17\\.0\\.\\d+_\\d+-jre(-[a-z]+)?");
    static final Pattern EXACT_POSTGRES = Pattern.compile("postgres:\\d+\\.\\d+(-[a-z0-9]+)?");

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
        for (String app : List.of("app1", "app2")) {
            Map<String, Object> service = service(app);
            assertThat(new TreeSet<>(map(service.get("environment")).keySet())).as(app + " environment").isEqualTo(read);
            assertThat(String.join(" ", list(service.get("command")))).as(app).contains("--spring.profiles.active=postgres");
        }
        assertThat(service("app1").get("environment")).as("the same environment on both nodes").isEqualTo(service("app2").get("environment"));
    }

    @Test
    void twoReplicasRunThePackagedJarOnAPinnedRuntime() throws Exception {
        String jar = "./target/" + finalName() + ".jar";
        for (String app : List.of("app1", "app2")) {
            Map<String, Object> service = service(app);
            assertThat((String) service.get("image")).as(app + ": an exact JRE tag, not a Maven image").matches(EXACT_TEMURIN_JRE);
            assertThat(service).as(app + ": nothing built at start").doesNotContainKeys("build", "working_dir");
            assertThat(String.join(" ", list(service.get("command")))).as(app).startsWith("java ").contains("-jar /app/careloop.jar")
                    .doesNotContain("mvn");
            // the jar of mvn -B package, read-only; no other mount of the host tree (nothing written into it)
            assertThat(list(service.get("volumes"))).as(app).containsExactly(jar + ":/app/careloop.jar:ro");
            Map<String, Object> dependsOn = map(service.get("depends_on"));
            assertThat(map(dependsOn.get("postgres"))).as(app).containsEntry("condition", "service_healthy");
            assertThat(dependsOn).as(app).containsKey("mail");
            List<String> check = list(map(service.get("healthcheck")).get("test"));
            assertThat(String.join(" ", check)).as(app + " healthcheck").contains("/actuator/health/readiness", " 200 ")
                    .doesNotContain("curl", "wget");
        }
        assertThat(list(service("app1").get("ports"))).containsExactly("127.0.0.1:8080:8080");
        assertThat(list(service("app2").get("ports"))).containsExactly("127.0.0.1:8081:8080");
        assertThat((String) service("postgres").get("image")).matches(EXACT_POSTGRES);
        assertThat((String) service("mail").get("image")).matches("axllent/mailpit:v\\d+\\.\\d+\\.\\d+");
        for (Map.Entry<String, Object> s : services().entrySet()) {
            Map<String, Object> service = map(s.getValue());
            assertThat((String) service.get("image")).as(s.getKey()).doesNotEndWith(":latest").contains(":");
            for (String port : list(service.getOrDefault("ports", List.of()))) {
                assertThat(port).as(s.getKey() + " publishes on the host's loopback only").startsWith("127.0.0.1:");
            }
        }
        assertThat(services()).containsOnlyKeys("postgres", "mail", "app1", "app2");
    }

    /** The jar's name as the pom builds it: build/finalName, else artifactId-version. */
    static String finalName() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        Element project = pom.getDocumentElement();
        for (Element e : children(project, "build")) {
            for (Element f : children(e, "finalName")) {
                return f.getTextContent().trim();
            }
        }
        return children(project, "artifactId").get(0).getTextContent().trim() + "-" + children(project, "version").get(0).getTextContent().trim();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new java.util.ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static Map<String, Object> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        return map(compose.get("services"));
    }

    private static Map<String, Object> service(String name) throws IOException {
        return map(services().get(name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object o) {
        assertThat(o).isInstanceOf(List.class);
        return (List<String>) o;
    }
}
