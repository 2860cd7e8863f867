package com.careloop.identity;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real OpenID Connect provider on 127.0.0.1 for the company-login test: mock-oauth2-server's standalone server (issuer
 * {@code /default}, interactive login form: any user name, any claims as JSON) in a JVM of its own, because its
 * libraries (Kotlin 2, Netty 4.2, OkHttp 5, Nimbus 11) are not the versions the application runs with. Its classpath is
 * resolved once from src/test/oidc-provider/pom.xml with the Maven running the build (system property maven.home) or
 * the {@code mvn} on the PATH, and kept in target/oidc-provider.classpath.
 */
final class OidcProvider {

    private static OidcProvider started;

    private final Process process;
    private final int port;

    private OidcProvider(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The one provider of this JVM, started on first use and stopped when the JVM ends. */
    static synchronized OidcProvider get() {
        if (started == null) {
            try {
                started = start();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("cannot start the OIDC provider (mock-oauth2-server)", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(started.process::destroy));
        }
        return started;
    }

    String issuer() {
        return "http://127.0.0.1:" + port + "/default";
    }

    private static OidcProvider start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", classpath(), "no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt");
        pb.environment().put("SERVER_HOSTNAME", "127.0.0.1");
        pb.environment().put("SERVER_PORT", String.valueOf(port));
        pb.environment().put("JSON_CONFIG", "{\"interactiveLogin\": true}");
        Path log = Path.of("target", "oidc-provider.log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = pb.start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the OIDC provider ended at start: " + Files.readString(log));
            }
            try {
                HttpResponse<String> alive = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/default/.well-known/openid-configuration")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (alive.statusCode() == 200) {
                    return new OidcProvider(process, port);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        process.destroy();
        throw new IllegalStateException("the OIDC provider did not answer within 60 s: " + Files.readString(log));
    }

    private static String classpath() throws IOException, InterruptedException {
        Path file = Path.of("target", "oidc-provider.classpath").toAbsolutePath();
        if (!Files.exists(file)) {
            String home = System.getProperty("maven.home");
            String mvn = home != null && !home.isBlank() && new File(home, "bin/mvn").canExecute() ? new File(home, "bin/mvn").getPath() : "mvn";
            Process resolve = new ProcessBuilder(List.of(mvn, "-B", "-q", "-f", Path.of("src", "test", "oidc-provider", "pom.xml").toString(),
                    "dependency:build-classpath", "-Dmdep.outputFile=" + file))
                    .redirectErrorStream(true).redirectOutput(Path.of("target", "oidc-provider-resolve.log").toFile()).start();
            if (resolve.waitFor() != 0 || !Files.exists(file)) {
                throw new IllegalStateException("mvn dependency:build-classpath of src/test/oidc-provider failed: "
                        + Files.readString(Path.of("target", "oidc-provider-resolve.log")));
            }
        }
        return Files.readString(file).strip();
    }
}
