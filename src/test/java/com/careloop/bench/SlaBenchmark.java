package com.careloop.bench;

import com.careloop.CareLoopApplication;
import com.careloop.customer.CustomerCsvImport;
import com.careloop.feedback.FeedbackService;
import com.careloop.feedback.FeedbackType;
import com.careloop.feedback.InboundFeedbackRequest;
import com.careloop.feedback.Urgency;
import com.careloop.testsupport.CareLoopNode;
import com.careloop.testsupport.TestPostgres;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SLA-timer benchmark (scripts/bench-sla.sh [timers] [nodes]) on a real PostgreSQL started by the benchmark, one
 * application node in this JVM and, with nodes = 2, a second one in its own JVM ({@link CareLoopNode}) on the same
 * database. Writes target/bench/sla.json. Not a test: nothing is asserted.
 * <ol>
 * <li>Set-up, through the public path: N customers from a CSV import, then N urgent inbound complaints
 * ({@link FeedbackService#registerInbound}; urgent ones are routed at once, so each has an open 响应客户 task with its
 * response-SLA timer {@code Timer_ResponseSlaBreached}; the others would first wait for cs-center's verification).
 * Their deadlines are hours away on the working-day calendar; the set-up waits until every notification of the
 * registration was sent and no job is due.</li>
 * <li>Baseline, same engine, same database (the feedback items' future timers still in ACT_RU_JOB): N instances of a
 * bench-only process start → timer → end, their timer jobs moved to one instant T (ManagementService.setJobDuedate),
 * then timed from T until every instance ended.</li>
 * <li>Escalations: the N response timers moved to one instant T' the same way, then timed until every
 * Task_EscalateResponse and its notification (Task_NotifyResponseEscalation, delivered by the notification worker)
 * completed (EndEvent_ResponseEscalated).</li>
 * </ol>
 * Moving a timer job's due date is what the engine itself does when a deadline is recomputed: the job, its execution
 * and what runs when it fires are those of a deadline that falls due at T; only the wait for the deadline is skipped,
 * and the creation of 10,000 items (minutes) does not have to fit into the minute the deadlines fall due in.
 * <p>
 * Figures from the history (ACT_HI_ACTINST, ACT_HI_JOB_LOG, ACT_HI_EXT_TASK_LOG) and the delivery log
 * (notification_delivery), SQL statements and commits of this JVM's node by thread (a counting proxy around its data
 * source), CPU of the whole machine from /proc/stat. Environment: BENCH_SLA_NODES (1), BENCH_SLA_ARGS (application
 * properties for every node, e.g. "--camunda.bpm.job-execution.max-jobs-per-acquisition=3"), BENCH_SLA_LABEL.
 */
public final class SlaBenchmark {

    static final String BARE_PROCESS = "benchSlaBareTimer";
    static final StatementCounts STATEMENTS = new StatementCounts();

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int nodes = Integer.parseInt(env("BENCH_SLA_NODES", "1"));
        List<String> extra = env("BENCH_SLA_ARGS", "").isBlank() ? List.of() : Arrays.asList(env("BENCH_SLA_ARGS", "").trim().split("\\s+"));
        String url = TestPostgres.jdbcUrl();
        String adminPassword = "Bx9-" + UUID.randomUUID();
        List<String> appArgs = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--careloop.demo.enabled=false", "--careloop.identity.demo-users=false", "--careloop.notification.email-enabled=false",
                "--careloop.identity.admin-user=benchadmin", "--careloop.identity.admin-password=" + adminPassword,
                "--camunda.bpm.job-execution.enabled=true", "--logging.level.root=WARN", "--logging.level.com.careloop=INFO"));
        appArgs.addAll(extra);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CareLoopApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                    @Override
                    public Object postProcessAfterInitialization(Object bean, String name) {
                        return bean instanceof DataSource ds && !(Proxy.isProxyClass(bean.getClass())) ? STATEMENTS.wrap(ds) : bean;
                    }
                }))
                .run(appArgs.toArray(String[]::new));
        List<CareLoopNode> others = new ArrayList<>();
        try {
            for (int i = 2; i <= nodes; i++) {
                List<String> nodeArgs = new ArrayList<>(List.of("--camunda.bpm.job-execution.enabled=true",
                        "--logging.level.root=WARN", "--logging.level.com.careloop=INFO"));
                nodeArgs.addAll(extra);
                others.add(CareLoopNode.start("sla-" + i, "benchadmin", adminPassword, nodeArgs.toArray(String[]::new)));
            }
            for (CareLoopNode node : others) {
                node.awaitReady(Duration.ofMinutes(5));
            }
            run(app, n, nodes, extra);
        } finally {
            for (CareLoopNode node : others) {
                node.close();
            }
            app.close();
        }
        System.exit(0);
    }

    static void run(ConfigurableApplicationContext app, int n, int nodes, List<String> extra) throws Exception {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        ManagementService management = engine.getManagementService();
        Map<String, Object> out = new LinkedHashMap<>();

        // -- set-up through the public path ---------------------------------------------------------------------
        long t0 = System.nanoTime();
        ScreeningBenchmark.ensureUser(app, "agent1", "agents"); // the CSV's VIP account agent
        // the supervisors who receive every escalation by e-mail, next to the department head (application.yml)
        for (int i = 1; i <= 2; i++) {
            ScreeningBenchmark.ensureUser(app, "bench-sup-" + i, "cs-supervisors");
            var identity = engine.getIdentityService();
            var user = identity.createUserQuery().userId("bench-sup-" + i).singleResult();
            user.setEmail("bench-sup-" + i + "@careloop.local");
            identity.saveUser(user);
        }
        Path csv = ScreeningBenchmark.writeCsv(n);
        try (InputStream in = Files.newInputStream(csv)) {
            app.getBean(CustomerCsvImport.class).importCsv(in, csv.getFileName().toString(), "bench");
        }
        jdbc.execute("analyze customer");
        List<Long> customerIds = jdbc.queryForList("select id from customer order by id fetch first " + n + " rows only", Long.class);
        FeedbackService feedback = app.getBean(FeedbackService.class);
        STATEMENTS.reset();
        long registerStart = System.nanoTime();
        parallel(n, 4, i -> feedback.registerInbound(new InboundFeedbackRequest(customerIds.get(i), FeedbackType.COMPLAINT, Urgency.URGENT,
                "基准测试 benchmark complaint " + i), "center1"));
        // registration through the public path (4 threads): its own throughput and SQL per item (pool-* threads)
        double registerSeconds = (System.nanoTime() - registerStart) / 1e9;
        long[] registering = STATEMENTS.snapshot().getOrDefault("pool--thread-", new long[2]);
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("itemsPerSecond", round(n / registerSeconds));
        registration.put("statementsPerItem", Math.round(registering[0] * 10.0 / n) / 10.0);
        registration.put("commitsPerItem", Math.round(registering[1] * 10.0 / n) / 10.0);
        out.put("registration", registration);
        log("registered %d urgent complaints in %.0f s; waiting for their notifications", n, (System.nanoTime() - t0) / 1e9);
        awaitQuiet(jdbc, Duration.ofSeconds(120 + n / 20));
        jdbc.execute("vacuum analyze");
        out.put("setupSeconds", round((System.nanoTime() - t0) / 1e9));
        out.put("futureTimerJobsInTable", jdbc.queryForObject("select count(*) from act_ru_job", Long.class));

        // -- baseline: N plain no-op timers due at one instant ---------------------------------------------------
        BpmnModelInstance bare = Bpmn.createExecutableProcess(BARE_PROCESS).camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Bare").intermediateCatchEvent("Timer_Bare").timerWithDate("${due}").endEvent("EndEvent_Bare").done();
        engine.getRepositoryService().createDeployment().name(BARE_PROCESS).addModelInstance(BARE_PROCESS + ".bpmn", bare).deploy();
        Date later = new Date(System.currentTimeMillis() + Duration.ofDays(1).toMillis());
        parallel(n, 4, i -> engine.getRuntimeService().startProcessInstanceByKey(BARE_PROCESS, "bare-" + i, Map.of("due", later)));
        List<String> bareJobs = jdbc.queryForList("select id_ from act_ru_job where process_def_key_ = ?", String.class, BARE_PROCESS);
        Phase barePhase = fire(app, jdbc, management, bareJobs, "EndEvent_Bare", n);
        Timestamp bareFirst = ts(jdbc, "select min(end_time_) from act_hi_actinst where act_id_ = 'Timer_Bare'");
        Timestamp bareLast = ts(jdbc, "select max(start_time_) from act_hi_actinst where act_id_ = 'EndEvent_Bare'");
        double bareSpan = seconds(bareFirst, bareLast);
        double barePerSecond = n / bareSpan;
        long bareJobsRun = jdbc.queryForObject("select count(*) from act_hi_job_log where job_state_ = 2 and process_def_key_ = ?", Long.class, BARE_PROCESS);
        Map<String, Object> baseline = new LinkedHashMap<>();
        baseline.put("firstLagSeconds", round(seconds(barePhase.due, bareFirst)));
        baseline.put("secondsToAllFired", round(seconds(barePhase.due, bareLast)));
        baseline.put("firingSeconds", round(bareSpan));
        baseline.put("statementsPerJobThisNode", perUnit(barePhase.statements, "job", barePhase.jobsThisNode));
        baseline.put("jobsThisNode", barePhase.jobsThisNode);
        baseline.put("jobsRun", bareJobsRun);
        baseline.put("cpuBusyPercent", round(barePhase.cpuBusy * 100));
        baseline.put("cpuShareOfThisJvmPercent", round(barePhase.jvmCpuShare * 100));
        baseline.put("acquisition", barePhase.acquisition);
        baseline.put("statementsByThread", barePhase.statements);
        baseline.put("statementsByKindPerTimer", perItem(barePhase.kinds, n));
        baseline.put("statementMillisByKind", top(barePhase.millisByKind, 15));
        log("baseline: %d timers, %.1f jobs/s once firing, first %.1f s after T, all %.1f s after T", n, barePerSecond,
                seconds(barePhase.due, bareFirst), seconds(barePhase.due, bareLast));

        // -- escalations ------------------------------------------------------------------------------------------
        long deliveriesBefore = jdbc.queryForObject("select count(*) from notification_delivery", Long.class);
        List<String> slaJobs = management.createJobQuery().activityId("Timer_ResponseSlaBreached").timers().list().stream().map(j -> j.getId()).toList();
        if (slaJobs.size() != n) {
            throw new IllegalStateException(slaJobs.size() + " response-SLA timers for " + n + " items");
        }
        Phase esc = fire(app, jdbc, management, slaJobs, "EndEvent_ResponseEscalated", n);
        Timestamp escFirst = ts(jdbc, "select min(start_time_) from act_hi_actinst where act_id_ = 'Task_EscalateResponse'");
        Timestamp escLast = ts(jdbc, "select max(start_time_) from act_hi_actinst where act_id_ = 'EndEvent_ResponseEscalated'");
        double escSpan = seconds(escFirst, escLast);
        double escPerSecond = n / escSpan;
        Timestamp since = new Timestamp(esc.due.getTime() - 1000);
        long escalationJobs = jdbc.queryForObject("select count(*) from act_hi_job_log where job_state_ = 2 and process_def_key_ = 'feedbackHandling'"
                + " and timestamp_ >= ?", Long.class, since);
        long jobFailures = jdbc.queryForObject("select count(*) from act_hi_job_log where job_state_ = 1 and timestamp_ >= ?", Long.class,
                new Timestamp(barePhase.due.getTime() - 1000));
        long optimisticLocking = jdbc.queryForObject("select count(*) from act_hi_job_log where job_state_ = 1 and timestamp_ >= ?"
                + " and (job_exception_msg_ like '%concurrent%' or job_exception_msg_ like '%OptimisticLocking%')", Long.class,
                new Timestamp(barePhase.due.getTime() - 1000));
        long externalTasks = jdbc.queryForObject("select count(*) from act_hi_ext_task_log where state_ = 2 and timestamp_ >= ?", Long.class, since);
        long externalFailures = jdbc.queryForObject("select count(*) from act_hi_ext_task_log where state_ = 1 and timestamp_ >= ?", Long.class, since);
        long escalationInstances = jdbc.queryForObject("select count(*) from act_hi_actinst where act_id_ = 'Task_EscalateResponse'", Long.class);
        long escalatedItems = jdbc.queryForObject("select count(distinct proc_inst_id_) from act_hi_actinst where act_id_ = 'EndEvent_ResponseEscalated'", Long.class);
        long ends = jdbc.queryForObject("select count(*) from act_hi_actinst where act_id_ = 'EndEvent_ResponseEscalated'", Long.class);
        long deliveries = jdbc.queryForObject("select count(*) from notification_delivery where type = 'SLA_ESCALATION'", Long.class);
        long distinctDeliveries = jdbc.queryForObject("select count(*) from (select distinct reference, recipient, channel from notification_delivery"
                + " where type = 'SLA_ESCALATION') d", Long.class);
        long notifiedItems = jdbc.queryForObject("select count(distinct reference) from notification_delivery where type = 'SLA_ESCALATION'", Long.class);
        long overdueItems = jdbc.queryForObject("select count(*) from feedback_item where overdue", Long.class);
        long duplicates = (escalationInstances - escalatedItems) + (ends - escalatedItems) + (deliveries - distinctDeliveries);
        long lost = Math.max(n - escalatedItems, n - notifiedItems);
        double firstLag = seconds(esc.due, escFirst);

        out.put("timers", n);
        out.put("nodes", nodes);
        out.put("secondsToAllEscalated", round(seconds(esc.due, escLast)));
        out.put("escalationsPerSecond", round(escPerSecond));
        out.put("bareTimerJobsPerSecond", round(barePerSecond));
        out.put("ratio", Math.round(escPerSecond / barePerSecond * 1000) / 1000.0);
        out.put("duplicates", duplicates);
        out.put("lost", lost);
        out.put("firstEscalationLagSeconds", round(firstLag));
        out.put("jobsPerEscalation", Math.round(escalationJobs * 1000.0 / n) / 1000.0);
        out.put("externalTasksPerEscalation", Math.round(externalTasks * 1000.0 / n) / 1000.0);
        out.put("deliveriesPerEscalation", Math.round(deliveries * 1000.0 / n) / 1000.0);
        out.put("overdueItems", overdueItems);
        out.put("escalationFiringSeconds", round(escSpan));
        out.put("jobFailures", jobFailures);
        out.put("optimisticLockingFailures", optimisticLocking);
        out.put("externalTaskFailures", externalFailures);
        out.put("escalationStatementsPerJobThisNode", perUnit(esc.statements, "job", esc.jobsThisNode));
        out.put("escalationCpuBusyPercent", round(esc.cpuBusy * 100));
        out.put("escalationCpuShareOfThisJvmPercent", round(esc.jvmCpuShare * 100));
        out.put("escalationAcquisition", esc.acquisition);
        out.put("escalationStatementsByThread", esc.statements);
        out.put("escalationStatementsByKindPerItem", perItem(esc.kinds, n));
        out.put("escalationStatementMillisByKind", top(esc.millisByKind, 25));
        out.put("baseline", baseline);
        out.put("deliveriesBefore", deliveriesBefore);

        // -- idle: what an idle node asks the database, per minute ----------------------------------------------
        Thread.sleep(15_000); // the job executor reaches its longest idle wait
        STATEMENTS.reset();
        long idleStart = System.nanoTime();
        Thread.sleep(30_000);
        double idleMinutes = (System.nanoTime() - idleStart) / 60e9;
        Map<String, Long> idle = new TreeMap<>();
        STATEMENTS.snapshot().forEach((thread, counts) -> idle.put(thread, Math.round(counts[0] / idleMinutes)));
        out.put("idleStatementsPerMinuteThisNode", idle);

        JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("maxJobsPerAcquisition", executor.getMaxJobsPerAcquisition());
        settings.put("waitTimeInMillis", executor.getWaitTimeInMillis());
        settings.put("maxWait", executor.getMaxWait());
        settings.put("waitIncreaseFactor", executor.getWaitIncreaseFactor());
        settings.put("backoffTimeInMillis", executor.getBackoffTimeInMillis());
        settings.put("lockTimeInMillis", executor.getLockTimeInMillis());
        for (String p : List.of("core-pool-size", "max-pool-size", "queue-capacity")) {
            settings.put(p, app.getEnvironment().getProperty("camunda.bpm.job-execution." + p, "(default)"));
        }
        settings.put("hikariMaximumPoolSize", app.getEnvironment().getProperty("spring.datasource.hikari.maximum-pool-size"));
        settings.put("acquireByDueDate", ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).isJobExecutorAcquireByDueDate());
        settings.put("preferTimerJobs", ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).isJobExecutorPreferTimerJobs());
        settings.put("extraArgs", String.join(" ", extra));
        out.put("settings", settings);
        out.put("label", env("BENCH_SLA_LABEL", ""));
        out.put("cores", Runtime.getRuntime().availableProcessors());
        out.put("loadAverage", Files.readString(Path.of("/proc/loadavg")).trim());

        String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(out);
        Path file = Path.of("target", "bench", "sla.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        log("%s", json);
    }

    /** What one phase measured: its instant T, this node's statements by thread and jobs, the machine's CPU, acquisition metrics. */
    record Phase(Date due, Map<String, Map<String, Long>> statements, long jobsThisNode, double cpuBusy, Map<String, Long> acquisition,
            Map<String, Long> kinds, Map<String, Long> millisByKind, double jvmCpuShare) {
    }

    /**
     * Moves the jobs' due date to one instant T (far enough ahead for every move to be done before it), waits until
     * {@code endActivity} was reached {@code n} times, and returns what happened from T on.
     */
    static Phase fire(ConfigurableApplicationContext app, JdbcTemplate jdbc, ManagementService management, List<String> jobs, String endActivity,
                      int n) throws Exception {
        long leadMillis = 15_000 + jobs.size() * 3L;
        Date due = new Date(System.currentTimeMillis() + leadMillis);
        long moveStart = System.nanoTime();
        parallel(jobs.size(), 4, i -> management.setJobDuedate(jobs.get(i), due));
        long margin = due.getTime() - System.currentTimeMillis();
        log("moved %d jobs to T in %.1f s, T is %d ms ahead", jobs.size(), (System.nanoTime() - moveStart) / 1e9, margin);
        if (margin < 0) {
            throw new IllegalStateException("moving the due dates took longer than the lead: T is already past");
        }
        Thread.sleep(Math.max(0, margin - 200));
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) app.getBean(ProcessEngine.class).getProcessEngineConfiguration();
        Map<String, Long> metricsBefore = metrics(config);
        STATEMENTS.reset();
        long[] cpuBefore = cpu();
        long jvmCpuBefore = jvmCpuNanos();
        long deadline = System.nanoTime() + Duration.ofSeconds(180 + n / 10).toNanos();
        while (jdbc.queryForObject("select count(*) from act_hi_actinst where act_id_ = ?", Long.class, endActivity) < n) {
            long incidents = jdbc.queryForObject("select count(*) from act_ru_incident", Long.class);
            if (incidents > 0) {
                throw new IllegalStateException(incidents + " incidents: "
                        + jdbc.queryForList("select incident_msg_ from act_ru_incident fetch first 3 rows only", String.class));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not all " + endActivity + " after " + Duration.ofSeconds(180 + n / 10));
            }
            Thread.sleep(250);
        }
        long[] cpuAfter = cpu();
        long jvmCpuNanos = jvmCpuNanos() - jvmCpuBefore;
        Map<String, Long> acquisition = new LinkedHashMap<>();
        metrics(config).forEach((name, value) -> acquisition.put(name, value - metricsBefore.get(name)));
        Map<String, Map<String, Long>> statements = new TreeMap<>();
        STATEMENTS.snapshot().forEach((thread, c) -> statements.put(thread, Map.of("statements", c[0], "commits", c[1])));
        double busy = 1.0 - (double) (cpuAfter[1] - cpuBefore[1]) / (cpuAfter[0] - cpuBefore[0]);
        // /proc/stat counts in USER_HZ (100 per second on Linux)
        double busySeconds = ((cpuAfter[0] - cpuBefore[0]) - (cpuAfter[1] - cpuBefore[1])) / 100.0;
        double jvmShare = busySeconds == 0 ? 0 : jvmCpuNanos / 1e9 / busySeconds;
        return new Phase(due, statements, acquisition.getOrDefault(Metrics.JOB_SUCCESSFUL, 0L), busy, acquisition,
                STATEMENTS.kinds(), STATEMENTS.millisByKind(), jvmShare);
    }

    /** The job executor's metrics of this node so far (the engine's in-memory registry, not yet reported ones included). */
    static Map<String, Long> metrics(ProcessEngineConfigurationImpl config) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String name : List.of(Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS, Metrics.JOB_ACQUIRED_FAILURE,
                Metrics.JOB_EXECUTION_REJECTED, Metrics.JOB_LOCKED_EXCLUSIVE, Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED)) {
            // the metrics query reports this node's in-memory counts first: read the registry after it
            Long reported = config.getManagementService().createMetricsQuery().name(name).sum();
            Meter meter = config.getMetricsRegistry().getDbMeterByName(name);
            values.put(name, (meter == null ? 0 : meter.get()) + (reported == null ? 0 : reported));
        }
        return values;
    }

    /** The first {@code limit} entries (the map is ordered largest first). */
    static Map<String, Long> top(Map<String, Long> ordered, int limit) {
        Map<String, Long> out = new LinkedHashMap<>();
        ordered.entrySet().stream().limit(limit).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Each kind's executions per item, rounded to 0.01; kinds under 0.05 per item left out. */
    static Map<String, Double> perItem(Map<String, Long> kinds, long items) {
        Map<String, Double> out = new LinkedHashMap<>();
        kinds.forEach((kind, count) -> {
            double each = round((double) count / items);
            if (each >= 0.05) {
                out.put(kind, each);
            }
        });
        return out;
    }

    static Object perUnit(Map<String, Map<String, Long>> statements, String threadPrefix, long units) {
        long s = 0;
        long c = 0;
        for (var e : statements.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).contains("taskexecutor")) {
                s += e.getValue().get("statements");
                c += e.getValue().get("commits");
            }
        }
        return units == 0 ? null : Map.of("statements", round((double) s / units), "commits", round((double) c / units));
    }

    /** Waits until no notification task is open and no job is due (the set-up's own work is done). */
    static void awaitQuiet(JdbcTemplate jdbc, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (jdbc.queryForObject("select (select count(*) from act_ru_ext_task) + (select count(*) from act_ru_job"
                + " where retries_ > 0 and (duedate_ is null or duedate_ <= now()))", Long.class) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the set-up's jobs and notifications were not done after " + timeout);
            }
            Thread.sleep(500);
        }
    }

    /** {@code work(0..n-1)} on a few threads (the public path is one transaction per call). */
    static void parallel(int n, int threads, IntConsumer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    work.accept(i);
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    /** /proc/stat: {total, idle + iowait} jiffies of all cores. */
    /** CPU time of this JVM (all its threads), nanoseconds. */
    static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static long[] cpu() throws Exception {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length; i++) {
            total += Long.parseLong(f[i]);
        }
        return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
    }

    static Timestamp ts(JdbcTemplate jdbc, String sql) {
        Timestamp t = jdbc.queryForObject(sql, Timestamp.class);
        if (t == null) {
            throw new IllegalStateException("nothing for: " + sql);
        }
        return t;
    }

    static double seconds(Date from, Date to) {
        return (to.getTime() - from.getTime()) / 1000.0;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    static void log(String format, Object... args) {
        org.slf4j.LoggerFactory.getLogger(SlaBenchmark.class).warn(String.format(Locale.ROOT, format, args));
    }

    /**
     * SQL statements executed and commits, by thread (digits dropped: camundaTaskExecutor-3 counts as
     * camundaTaskExecutor-), through a proxy around the node's data source.
     */
    static final class StatementCounts {
        private final Map<String, LongAdder[]> byThread = new ConcurrentHashMap<>();
        private final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();
        private final Map<String, LongAdder> nanosByKind = new ConcurrentHashMap<>();

        void reset() {
            byThread.clear();
            byKind.clear();
            nanosByKind.clear();
        }

        /** Milliseconds spent executing each kind of statement (the JDBC call, database and network), largest first. */
        Map<String, Long> millisByKind() {
            Map<String, Long> copy = new LinkedHashMap<>();
            nanosByKind.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                    .forEach(e -> copy.put(e.getKey(), e.getValue().sum() / 1_000_000));
            return copy;
        }

        /** Executions by thread and kind of statement ("job- insert ACT_HI_ACTINST"), largest first. */
        Map<String, Long> kinds() {
            Map<String, Long> copy = new LinkedHashMap<>();
            byKind.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
                    .forEach(e -> copy.put(e.getKey(), e.getValue().sum()));
            return copy;
        }

        private static final Map<String, String> KINDS = new ConcurrentHashMap<>();

        /** "insert ACT_HI_ACTINST", "select ACT_RU_JOB", "update notification_delivery": the verb and first table. */
        static String kindOf(String sql) {
            return KINDS.computeIfAbsent(sql, StatementCounts::parseKind);
        }

        private static String parseKind(String sql) {
            String s = sql.trim().replaceAll("\\s+", " ");
            String verb = s.split(" ", 2)[0].toLowerCase(Locale.ROOT);
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("(?i)\\b(?:from|into|update|join)\\s+([A-Za-z_][A-Za-z0-9_.]*)").matcher(s);
            return verb + " " + (m.find() ? m.group(1).toUpperCase(Locale.ROOT) : "?");
        }

        private void executed(String sql, long nanos) {
            String thread = Thread.currentThread().getName().replaceAll("\\d+", "");
            String kind = thread + " " + (sql == null ? "?" : kindOf(sql));
            byKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
            nanosByKind.computeIfAbsent(kind, k -> new LongAdder()).add(nanos);
        }

        Map<String, long[]> snapshot() {
            Map<String, long[]> copy = new TreeMap<>();
            byThread.forEach((k, v) -> copy.put(k, new long[] {v[0].sum(), v[1].sum()}));
            return copy;
        }

        private LongAdder[] current() {
            return byThread.computeIfAbsent(Thread.currentThread().getName().replaceAll("\\d+", ""),
                    k -> new LongAdder[] {new LongAdder(), new LongAdder()});
        }

        DataSource wrap(DataSource target) {
            return proxy(DataSource.class, target, (method, args, result, nanos) -> method.startsWith("getConnection")
                    ? proxy(Connection.class, result, this::connection) : result);
        }

        private Object connection(String method, Object[] args, Object result, long nanos) {
            if (method.equals("commit")) {
                current()[1].increment();
            }
            if (result instanceof Statement) {
                String prepared = args != null && args.length > 0 && args[0] instanceof String sql ? sql : null;
                Class<?> type = result instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
                        : result instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
                return proxy(type, result, (m, a, r, took) -> {
                    if (m.startsWith("execute")) {
                        current()[0].increment();
                        executed(prepared != null ? prepared : a != null && a.length > 0 && a[0] instanceof String sql ? sql : null, took);
                    }
                    return r;
                });
            }
            return result;
        }

        interface After {
            Object apply(String method, Object[] args, Object result, long nanos);
        }

        @SuppressWarnings("unchecked")
        private static <T> T proxy(Class<T> type, Object target, After after) {
            InvocationHandler h = (p, method, args) -> {
                if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> c && c.isInstance(target)) {
                    return target;
                }
                if (method.getName().equals("isWrapperFor") && args != null && args[0] instanceof Class<?> c && c.isInstance(target)) {
                    return true;
                }
                try {
                    long start = System.nanoTime();
                    Object result = method.invoke(target, args);
                    return after.apply(method.getName(), args, result, System.nanoTime() - start);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (T) Proxy.newProxyInstance(SlaBenchmark.class.getClassLoader(), new Class<?>[] {type}, h);
        }
    }
}
