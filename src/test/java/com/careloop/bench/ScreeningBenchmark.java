package com.careloop.bench;

import com.careloop.CareLoopApplication;
import com.careloop.customer.CustomerCsvImport;
import com.careloop.screening.ScreeningService;
import com.careloop.testsupport.TestPostgres;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The screening benchmark (scripts/bench-screening.sh): N synthetic customers imported from a streamed CSV file
 * into a real PostgreSQL, about 10 % inside a follow-up window; one screening run measured end to end (selection, rules, follow-up rows, process
 * starts on the job executor); and, on the same database and history level, the bare engine starting a
 * one-user-task process in a plain loop. Writes target/bench/screening.json. Not a test: nothing is asserted.
 */
public final class ScreeningBenchmark {

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int bareStarts = Integer.parseInt(System.getProperty("bench.bareStarts", "20000"));
        String url = TestPostgres.jdbcUrl();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CareLoopApplication.class)
                .run("--server.port=0", "--server.address=127.0.0.1",
                        "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=",
                        // the application's own pool size (application.yml) unless -Dbench.poolSize says otherwise
                        "--spring.datasource.hikari.maximum-pool-size=" + System.getProperty("bench.poolSize", "30"),
                        "--careloop.demo.enabled=false", "--careloop.identity.demo-users=false", "--careloop.notification.email-enabled=false",
                        "--careloop.identity.admin-user=benchadmin", "--careloop.identity.admin-password=Bx9-" + java.util.UUID.randomUUID(),
                        "--camunda.bpm.job-execution.enabled=true", "--logging.level.root=WARN", "--logging.level.com.careloop=INFO", "--logging.level.com.careloop.screening=DEBUG",
                        "--careloop.screening.chunk-size=" + System.getProperty("bench.chunkSize", "200"));
        try {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            HeapSampler heap = new HeapSampler();
            long t0 = System.nanoTime();
            ensureUser(app, "agent1", "agents"); // the VIP customers' account agent: the import refuses agents who are no user
            Path csv = writeCsv(customers);
            try (InputStream in = Files.newInputStream(csv)) {
                var imported = app.getBean(CustomerCsvImport.class).importCsv(in, csv.getFileName().toString(), "bench");
                if (imported.accepted() != customers) {
                    throw new IllegalStateException("import accepted " + imported.accepted() + " of " + customers + ", first errors: "
                            + imported.errors().stream().limit(5).toList());
                }
            }
            double importSeconds = (System.nanoTime() - t0) / 1e9;
            double importHeapMb = heap.peakAndReset() / (1024.0 * 1024.0);
            jdbc.execute("analyze customer");
            log("imported %d customers from a %d MB CSV file in %.1f s (peak heap %.0f MB)", customers, Files.size(csv) >> 20,
                    importSeconds, importHeapMb);

            double barePerSecond = bare(app.getBean(ProcessEngine.class), bareStarts);
            log("bare engine: %.1f starts/s (%d one-user-task instances, one per transaction)", barePerSecond, bareStarts);

            ScreeningService screening = app.getBean(ScreeningService.class);
            heap.peakAndReset();
            double timeoutsBefore = poolTimeouts(app);
            ApiProbe probe = new ApiProbe(app, jdbc.queryForObject("select min(id) from customer", Long.class));
            long start = System.nanoTime();
            long runId = screening.startRun(null, null, "bench");
            while (jdbc.queryForObject("select count(*) from screening_run where id = ? and finished_at is not null", Integer.class, runId) == 0) {
                if (screening.status(runId) == ScreeningService.Status.FAILED) {
                    throw new IllegalStateException("the screening run has an incident");
                }
                Thread.sleep(200);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            probe.close();
            double poolTimeouts = poolTimeouts(app) - timeoutsBefore;
            long started = screening.created(runId);
            double perSecond = started / seconds;
            double peakHeapMb = heap.peakAndReset() / (1024.0 * 1024.0);
            String json = String.format(Locale.ROOT, "{%n  \"customers\": %d,%n  \"followUpsStarted\": %d,%n  \"seconds\": %.1f,%n"
                            + "  \"followUpsPerSecond\": %.1f,%n  \"bareEngineStartsPerSecond\": %.1f,%n  \"ratio\": %.2f,%n"
                            + "  \"peakHeapMb\": %.0f,%n  \"maxHeapMb\": %d,%n  \"cores\": %d,%n"
                            + "  \"importSeconds\": %.1f,%n  \"importRowsPerSecond\": %.0f,%n  \"importPeakHeapMb\": %.0f,%n"
                            + "  \"poolSize\": %s,%n  \"poolTimeoutsDuringRun\": %.0f,%n  \"apiRequests\": %d,%n  \"apiFailures\": %d,%n"
                            + "  \"apiP50Ms\": %.1f,%n  \"apiP95Ms\": %.1f,%n  \"apiMaxMs\": %.1f%n}%n",
                    customers, started, seconds, perSecond, barePerSecond, perSecond / barePerSecond, peakHeapMb,
                    Runtime.getRuntime().maxMemory() / (1024 * 1024), Runtime.getRuntime().availableProcessors(),
                    importSeconds, customers / importSeconds, importHeapMb, System.getProperty("bench.poolSize", "30"), poolTimeouts,
                    probe.count(), probe.failures.get(), probe.percentileMs(50), probe.percentileMs(95), probe.percentileMs(100));
            Path out = Path.of("target", "bench", "screening.json");
            Files.createDirectories(out.getParent());
            Files.writeString(out, json);
            log("%s", json);
        } finally {
            app.close();
        }
        System.exit(0);
    }

    /**
     * A CRM export of N customers, written line by line (UTF-8, Chinese headers): one in ten falls in a window —
     * new purchase, recent resolution, usage, churn risk, VIP care.
     */
    static Path writeCsv(int n) throws IOException {
        Path csv = Path.of("target", "bench", "customers.csv");
        Files.createDirectories(csv.getParent());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("客户编号,客户名称,联系电话,客户等级,客户经理,首次购买时间,最近购买时间,最近解决时间,最近登录时间\n");
            for (int g = 1; g <= n; g++) {
                int k = g % 50;
                String first = (k == 0 ? today.minusDays(3) : today.minusDays(400)).toString();
                String last = (k == 0 ? today.minusDays(3) : k == 2 ? today.minusDays(30) : today.minusDays(200)).toString();
                String resolved = k == 1 ? today.minusDays(1).toString() : "";
                String login = (k == 3 ? today.minusDays(40) : today.minusDays(2)).toString();
                out.write("BENCH-" + g + ",客户" + g + "," + String.format("138%08d", g % 100_000_000) + "," + (k == 4 ? "VIP" : "STANDARD")
                        + "," + (g % 100 == 4 ? "agent1" : "") + "," + first + "," + last + "," + resolved + "," + login + "\n");
            }
        }
        return csv;
    }

    /**
     * The largest heap in use, sampled every 50 ms (adding up the pools' own peaks would overstate it: the pools
     * peak at different moments).
     */
    static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();

        HeapSampler() {
            Thread t = new Thread(() -> {
                while (true) {
                    peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            t.setDaemon(true);
            t.start();
        }

        long peakAndReset() {
            return peak.getAndSet(0);
        }
    }

    /** A user (password "Bench-Probe-2026!") in the group, created unless there. */
    static void ensureUser(ConfigurableApplicationContext app, String id, String group) {
        var identity = app.getBean(ProcessEngine.class).getIdentityService();
        if (identity.createUserQuery().userId(id).count() == 0) {
            var user = identity.newUser(id);
            user.setPassword("Bench-Probe-2026!");
            identity.saveUser(user);
            identity.createMembership(id, group);
        }
    }

    /** Connection requests that timed out in the pool so far (Micrometer's hikaricp.connections.timeout), -1 if not metered. */
    static double poolTimeouts(ConfigurableApplicationContext app) {
        var counters = app.getBean(io.micrometer.core.instrument.MeterRegistry.class).find("hikaricp.connections.timeout").counters();
        return counters.isEmpty() ? -1 : counters.stream().mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    /**
     * The API as a client sees it while the run goes on: GET /api/customers/{id} over HTTP (a cs-managers user),
     * one request every 100 ms, latency of each and every non-200 counted.
     */
    static final class ApiProbe {
        final java.util.List<Long> nanos = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        final AtomicLong failures = new AtomicLong();
        private volatile boolean stop;
        private final Thread thread;

        ApiProbe(ConfigurableApplicationContext app, long customerId) {
            ensureUser(app, "bench-probe", "cs-managers");
            var uri = java.net.URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/api/customers/" + customerId);
            var request = java.net.http.HttpRequest.newBuilder(uri).header("Authorization", "Basic "
                    + java.util.Base64.getEncoder().encodeToString("bench-probe:Bench-Probe-2026!".getBytes(StandardCharsets.UTF_8))).GET().build();
            var http = java.net.http.HttpClient.newHttpClient();
            thread = new Thread(() -> {
                while (!stop) {
                    long t = System.nanoTime();
                    try {
                        int status = http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    nanos.add(System.nanoTime() - t);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "api-probe");
            thread.setDaemon(true);
            thread.start();
        }

        void close() throws InterruptedException {
            stop = true;
            thread.join(60_000);
        }

        int count() {
            return nanos.size();
        }

        double percentileMs(int p) {
            var sorted = nanos.stream().sorted().toList();
            if (sorted.isEmpty()) {
                return 0;
            }
            int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
        }
    }

    /** One-user-task process started in a plain loop, one transaction per start. */
    static double bare(ProcessEngine engine, int starts) {
        BpmnModelInstance model = Bpmn.createExecutableProcess("benchBare").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_Bare").camundaCandidateGroups("agents").endEvent().done();
        engine.getRepositoryService().createDeployment().addModelInstance("benchBare.bpmn", model).deploy();
        RuntimeService runtime = engine.getRuntimeService();
        for (int i = 0; i < 200; i++) {
            runtime.startProcessInstanceByKey("benchBare", "warmup-" + i);
        }
        long t = System.nanoTime();
        for (int i = 0; i < starts; i++) {
            runtime.startProcessInstanceByKey("benchBare", "bare-" + i);
        }
        return starts / ((System.nanoTime() - t) / 1e9);
    }

    static void log(String format, Object... args) {
        org.slf4j.LoggerFactory.getLogger(ScreeningBenchmark.class).info(String.format(Locale.ROOT, format, args));
    }
}
