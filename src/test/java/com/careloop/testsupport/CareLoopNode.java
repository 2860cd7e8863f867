package com.careloop.testsupport;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A CareLoop node in its own JVM (this test JVM's class path) on the tests' PostgreSQL, listening on a free loopback
 * port, with a strong administrator of its own for the REST API: for tests that kill a node (SIGKILL) and restart.
 */
public final class CareLoopNode implements AutoCloseable {

    private final Process process;
    private final int port;
    private final String adminUser;
    private final String adminPassword;
    private final Path log;

    private CareLoopNode(Process process, int port, String adminUser, String adminPassword, Path log) {
        this.process = process;
        this.port = port;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.log = log;
    }

    /** Starts a node; extra arguments are Spring Boot command-line properties (--name=value). */
    public static CareLoopNode start(String name, String adminUser, String adminPassword, String... extra) throws Exception {
        return startOn(TestPostgres.jdbcUrl(), name, adminUser, adminPassword, extra);
    }

    /** {@link #start} on another database (e.g. a {@link RestartablePostgres}). */
    public static CareLoopNode startOn(String jdbcUrl, String name, String adminUser, String adminPassword, String... extra) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Path.of("target", "node-" + name + ".log");
        Files.createDirectories(log.getParent());
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx768m", "-cp", classPath(), "com.careloop.CareLoopApplication",
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--careloop.demo.enabled=false", "--careloop.identity.demo-users=false", "--careloop.notification.email-enabled=false",
                // outside the demo a node starts only with a strong administrator password from its environment
                "--careloop.identity.admin-user=" + adminUser, "--careloop.identity.admin-password=" + adminPassword,
                // /actuator/health/readiness: UP once the start is over, ApplicationReadyEvent listeners included
                "--management.endpoint.health.probes.enabled=true"));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        return new CareLoopNode(p, port, adminUser, adminPassword, log);
    }

    /** Waits until the node answers HTTP (its start, ApplicationReadyEvent listeners included, is over). */
    public CareLoopNode awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node exited with " + process.exitValue() + ", see " + log);
            }
            try {
                HttpResponse<String> r = get("/actuator/health/readiness");
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("node not ready after " + timeout + ", see " + log);
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http().send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((adminUser + ":" + adminPassword).getBytes(StandardCharsets.UTF_8)));
    }

    public HttpClient http() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** kill -9: no shutdown hook, no last transaction, nothing written on the way out. */
    public void kill() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on Linux
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** The node's operating-system process id (the same one after a database restart: the node was not restarted). */
    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** A normal stop (SIGTERM), SIGKILL after 30 s. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    /** This JVM's class path, unpacked from Surefire's manifest-only jar and without duplicates. */
    static String classPath() throws Exception {
        String cp = System.getProperty("java.class.path");
        LinkedHashSet<String> entries = new LinkedHashSet<>();
        for (String entry : cp.split(File.pathSeparator)) {
            if (entry.endsWith(".jar") && entry.contains("surefire")) {
                try (java.util.jar.JarFile jar = new java.util.jar.JarFile(entry)) {
                    String manifestPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
                    if (manifestPath != null) {
                        for (String url : manifestPath.trim().split("\\s+")) {
                            entries.add(new File(new URI(url)).getCanonicalPath());
                        }
                        continue;
                    }
                }
            }
            entries.add(new File(entry).getCanonicalPath());
        }
        return String.join(File.pathSeparator, entries);
    }
}
