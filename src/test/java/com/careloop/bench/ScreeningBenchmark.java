package com.careloop.bench;

import com.careloop.CareLoopApplication;
import com.careloop.screening.ScreeningRun;
import com.careloop.screening.ScreeningService;
import com.careloop.testsupport.TestPostgres;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
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
 * The screening benchmark (scripts/bench-screening.sh): N synthetic customers on a real PostgreSQL, about 10 %
 * inside a follow-up window; one screening run measured end to end (selection, rules, follow-up rows, process
 * starts on the job executor); and, on the same database and history level, the bare engine starting a
 * one-user-task process in a plain loop. Writes target/bench/screening.json. Not a test: nothing is asserted.
 */
public final class ScreeningBenchmark {

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int bareStarts = Integer.parseInt(System.getProperty("bench.bareStarts", "5000"));
        String url = TestPostgres.jdbcUrl();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CareLoopApplication.class)
                .run("--server.port=0", "--server.address=127.0.0.1",
                        "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=",
                        "--spring.datasource.hikari.maximum-pool-size=20",
                        "--careloop.demo.enabled=false", "--careloop.identity.demo-users=false", "--careloop.notification.email-enabled=false",
                        "--camunda.bpm.job-execution.enabled=true", "--logging.level.root=WARN", "--logging.level.com.careloop=INFO", "--logging.level.com.careloop.screening=DEBUG",
                        "--careloop.screening.chunk-size=" + System.getProperty("bench.chunkSize", "200"));
        try {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long t0 = System.nanoTime();
            generate(jdbc, customers);
            log("generated %d customers in %.1f s", customers, (System.nanoTime() - t0) / 1e9);

            double barePerSecond = bare(app.getBean(ProcessEngine.class), bareStarts);
            log("bare engine: %.1f starts/s (%d one-user-task instances, one per transaction)", barePerSecond, bareStarts);

            ScreeningService screening = app.getBean(ScreeningService.class);
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            AtomicLong peak = new AtomicLong();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(heapUsed(), Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            long start = System.nanoTime();
            ScreeningRun run = screening.start(null, null, "bench");
            while (jdbc.queryForObject("select count(*) from screening_run where id = ? and finished_at is not null", Integer.class, run.getId()) == 0) {
                if (screening.status(screening.get(run.getId())) == ScreeningService.Status.FAILED) {
                    throw new IllegalStateException("the screening run has an incident");
                }
                Thread.sleep(200);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.interrupt();
            long peakPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            long started = screening.created(run.getId());
            double perSecond = started / seconds;
            double peakHeapMb = Math.max(peak.get(), peakPools) / (1024.0 * 1024.0);
            String json = String.format(Locale.ROOT, "{%n  \"customers\": %d,%n  \"followUpsStarted\": %d,%n  \"seconds\": %.1f,%n"
                            + "  \"followUpsPerSecond\": %.1f,%n  \"bareEngineStartsPerSecond\": %.1f,%n  \"ratio\": %.2f,%n"
                            + "  \"peakHeapMb\": %.0f,%n  \"maxHeapMb\": %d,%n  \"cores\": %d%n}%n",
                    customers, started, seconds, perSecond, barePerSecond, perSecond / barePerSecond, peakHeapMb,
                    Runtime.getRuntime().maxMemory() / (1024 * 1024), Runtime.getRuntime().availableProcessors());
            Path out = Path.of("target", "bench", "screening.json");
            Files.createDirectories(out.getParent());
            Files.writeString(out, json);
            log("%s", json);
        } finally {
            app.close();
        }
        System.exit(0);
    }

    /** N customers generated inside PostgreSQL; one in ten falls in a window (new purchase, resolution, usage, churn, VIP). */
    static void generate(JdbcTemplate jdbc, int n) {
        jdbc.execute("insert into customer (external_id, name, tier, account_agent, phone, first_purchase_at, last_purchase_at,"
                + " last_resolved_at, last_login_at, created_at, updated_at)"
                + " select 'BENCH-' || g, '客户' || g, case when g % 50 = 4 then 'VIP' else 'STANDARD' end,"
                + "  case when g % 100 = 4 then 'agent1' end, '1380000' || lpad((g % 10000)::text, 4, '0'),"
                + "  now() - case when g % 50 = 0 then interval '3 days' else interval '400 days' end,"
                + "  now() - case when g % 50 = 0 then interval '3 days' when g % 50 = 2 then interval '30 days' else interval '200 days' end,"
                + "  case when g % 50 = 1 then now() - interval '1 day' end,"
                + "  now() - case when g % 50 = 3 then interval '40 days' else interval '2 days' end,"
                + "  now(), now()"
                + " from generate_series(1, " + n + ") g");
        jdbc.execute("analyze customer");
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

    static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static void log(String format, Object... args) {
        org.slf4j.LoggerFactory.getLogger(ScreeningBenchmark.class).info(String.format(Locale.ROOT, format, args));
    }
}
