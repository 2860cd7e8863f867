package com.careloop.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.CareLoopNode;
import com.careloop.testsupport.TestPostgres;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Camunda 7's own clustering, as a user who outgrows one machine runs it: two CareLoop JVMs (job executor on in each,
 * deployment-aware off, the configured job lock time) started at the same instant on one fresh database of the tests'
 * PostgreSQL. Proves: one deployment, no duplicate definition versions; every timer of a storm fires exactly once and
 * both nodes fire some (ACT_HI_JOB_LOG.HOSTNAME_, each node named by the engine's {@code hostname}); the node-local job
 * counters add up to the job log; a screening run's chunks are shared by both nodes, and after a SIGKILL of one node
 * mid-run the other finishes it with exactly one follow-up per customer; the killed node restarts and executes jobs again.
 * No Spring context in this JVM: the nodes are the only engines on that database.
 */
@Tag("slow")
class TwoNodesOnOneDatabaseTest {

    // enough timers that firing them takes one node longer than the other's longest idle wait (max-wait 3 s): a storm
    // of 200 was over in under a second once escalations got faster, before the second node woke up
    static final int TIMERS = 2000;
    static final int DEPLOY_ROUNDS = 5;
    static final int TIMERS_AFTER_RESTART = 2000;
    static final int CUSTOMERS = 6000;
    static final String ADMIN = "clusteradmin";
    static final String PASSWORD = "Kx7-" + UUID.randomUUID();

    private final List<CareLoopNode> nodes = new ArrayList<>();
    private final Map<String, Object> figures = new LinkedHashMap<>();

    @AfterEach
    void stopNodes() throws Exception {
        for (CareLoopNode node : nodes) {
            node.close();
        }
    }

    @Test
    void twoNodesShareDeploymentTimersAndScreeningAndSurviveTheLossOfOne() throws Exception {
        String database = "cluster_" + UUID.randomUUID().toString().substring(0, 8);
        new JdbcTemplate(dataSource(TestPostgres.jdbcUrl())).execute("create database " + database);
        String url = TestPostgres.jdbcUrl().replace("/postgres?", "/" + database + "?");
        JdbcTemplate db = new JdbcTemplate(dataSource(url));

        // both nodes at the same instant on an empty database: schema, migrations, deployment, users, filters
        CareLoopNode a = start(url, "node-a", "node-a");
        CareLoopNode b = start(url, "node-b", "node-b");
        a.awaitReady(Duration.ofMinutes(5));
        b.awaitReady(Duration.ofMinutes(5));

        // one deployment: the engine deploys under an exclusive lock (SELECT ... FOR UPDATE on ACT_GE_PROPERTY
        // 'deployment.lock'), so the second node's duplicate filter sees the first node's deployment
        assertThat(db.queryForObject("select count(*) from act_re_deployment", Integer.class)).as("deployments").isEqualTo(1);
        assertThat(db.queryForList("select key_ from act_re_procdef group by key_ having count(*) > 1 or max(version_) > 1"))
                .as("process definitions with more than one version").isEmpty();
        assertThat(db.queryForList("select key_ from act_re_decision_def group by key_ having count(*) > 1 or max(version_) > 1"))
                .as("decision definitions with more than one version").isEmpty();
        assertThat(db.queryForObject("select count(*) from act_re_procdef where key_ = 'screening'", Integer.class)).isEqualTo(1);
        assertThat(db.queryForList("select name_ from act_ru_filter group by name_, owner_ having count(*) > 1"))
                .as("Tasklist filters created twice").isEmpty();

        // the engine's deployment lock across nodes: both deploy the same new model at the same instant with duplicate
        // filtering, five times; without the lock both would find no equal deployment and each add a version
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= DEPLOY_ROUNDS; round++) {
                String model = timerModel().replace("Cluster timer", "Cluster timer " + round);
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<?>> both = new ArrayList<>();
                for (CareLoopNode node : List.of(a, b)) {
                    both.add(two.submit(() -> {
                        go.await();
                        deploy(node, "clusterTimer.bpmn", model);
                        return null;
                    }));
                }
                go.countDown();
                for (java.util.concurrent.Future<?> f : both) {
                    f.get();
                }
            }
        } finally {
            two.shutdown();
        }
        assertThat(db.queryForList("select version_ from act_re_procdef where key_ = 'clusterTimer' order by version_", Integer.class))
                .as("one version per round of simultaneous deployments").containsExactly(1, 2, 3, 4, 5);

        // 1. a timer storm: every timer due at the same instant fires once, both nodes fire some
        // due after the last start (a start over REST takes a few milliseconds)
        Instant due = Instant.now().plusSeconds(20 + TIMERS / 50);
        for (int i = 0; i < TIMERS; i++) {
            startTimer(i % 2 == 0 ? a : b, due);
        }
        await(Duration.ofMinutes(3), () -> ended(db) == TIMERS, "timers fired");
        Map<String, Long> timersByNode = successesByNode(db, "Timer_Due", null);
        figures.put("timersByNode", timersByNode);
        assertThat(timersByNode.values().stream().mapToLong(Long::longValue).sum()).as("timer executions").isEqualTo(TIMERS);
        assertThat(timersByNode).as("both nodes fired timers").containsKeys("node-a", "node-b");
        assertThat(db.queryForList("select job_id_ from act_hi_job_log where job_state_ = 2 group by job_id_ having count(*) > 1"))
                .as("jobs executed twice").isEmpty();

        // node-local counters (scope=node) add up to the job log; the cluster-wide gauges are tagged scope=cluster
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (executedCounter(a) + executedCounter(b) != successes(db) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        long counterA = executedCounter(a);
        long counterB = executedCounter(b);
        long logged = successes(db);
        figures.put("jobsExecutedCounterPerNode", List.of(counterA, counterB));
        figures.put("successfulJobsInTheJobLog", logged);
        String scrape = a.get("/actuator/prometheus").body();
        Files.createDirectories(Path.of("target", "cluster"));
        Files.writeString(Path.of("target", "cluster", "node-a.prom"), scrape);
        assertThat(scrape).contains("careloop_jobs_backlog{", "careloop_incidents_open{", "careloop_sla_breaches{",
                "careloop_notifications_failed{");
        assertThat(lines(scrape, "careloop_jobs_backlog{", "careloop_incidents_open{", "careloop_sla_breaches{",
                "careloop_notifications_failed{")).allSatisfy(l -> assertThat(l).contains("scope=\"cluster\""));
        assertThat(lines(scrape, "careloop_jobs_executed_total{", "careloop_jobs_acquired_total{", "careloop_jobs_failed_total{"))
                .isNotEmpty().allSatisfy(l -> assertThat(l).contains("scope=\"node\""));

        // 2. a screening run on both nodes; node-a killed (SIGKILL) once both have finished chunks
        String tag = "cluster-" + UUID.randomUUID().toString().substring(0, 6);
        List<Object[]> rows = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 0; i < CUSTOMERS; i++) {
            rows.add(new Object[] {tag + "-" + i, "集群测试 " + i, "STANDARD", tag, now, now});
        }
        db.batchUpdate("insert into customer (external_id, name, tier, tags, created_at, updated_at) values (?, ?, ?, ?, ?, ?)", rows);
        HttpResponse<String> started = b.http().send(b.request("/api/screening/runs").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"campaign\":{\"name\":\"集群 Cluster " + tag
                        + "\",\"scenario\":\"PROMOTION\",\"tags\":[\"" + tag + "\"]}}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        Matcher idMatch = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(started.body());
        assertThat(idMatch.find()).isTrue();
        long runId = Long.parseLong(idMatch.group(1));
        await(Duration.ofMinutes(3), () -> successesByNode(db, "Task_StartFollowUps", null).size() == 2 || finished(db, runId),
                "both nodes executed a chunk");
        long createdAtKill = created(db, runId);
        long killedAt = System.nanoTime();
        a.kill();
        Timestamp killedAtTime = Timestamp.from(Instant.now()); // node-a is gone: every entry of its own is older
        figures.put("followUpsCreatedAtKill", createdAtKill);
        assertThat(finished(db, runId)).as("the run was still going when node-a was killed").isFalse();
        assertThat(createdAtKill).isGreaterThan(0).isLessThan(CUSTOMERS);

        await(Duration.ofMinutes(6), () -> finished(db, runId), "screening run finished by node-b");
        figures.put("secondsFromKillToRunFinished", (System.nanoTime() - killedAt) / 1_000_000_000.0);
        Map<String, Long> chunksByNode = successesByNode(db, "Task_StartFollowUps", null);
        figures.put("chunksByNode", chunksByNode);
        assertThat(chunksByNode).as("the run's chunks were shared").containsKeys("node-a", "node-b");
        assertThat(successesByNode(db, "Task_StartFollowUps", killedAtTime)).as("chunks after the kill").containsOnlyKeys("node-b");
        assertThat(b.get("/api/screening/runs/" + runId).body()).contains("\"COMPLETED\"");
        assertThat(db.queryForObject("select candidates from screening_run where id = ?", Integer.class, runId)).isEqualTo(CUSTOMERS);
        assertThat(created(db, runId)).isEqualTo(CUSTOMERS);
        List<Map<String, Object>> perCustomer = db.queryForList("select c.external_id, count(f.id) as n from customer c"
                + " left join follow_up f on f.customer_id = c.id where c.tags = ? group by c.external_id", tag);
        assertThat(perCustomer).hasSize(CUSTOMERS)
                .allSatisfy(r -> assertThat(((Number) r.get("n")).intValue()).as(r.toString()).isEqualTo(1));
        assertThat(db.queryForObject("select count(*) from follow_up f join customer c on c.id = f.customer_id"
                + " where c.tags = ? and f.process_instance_id is not null", Integer.class, tag)).isEqualTo(CUSTOMERS);
        assertThat(db.queryForObject("select count(distinct business_key_) from act_ru_execution e join act_re_procdef d"
                + " on d.id_ = e.proc_def_id_ where d.key_ = 'followUp' and e.parent_id_ is null", Integer.class))
                .as("one followUp process per follow-up").isEqualTo(CUSTOMERS);

        // 3. node-a restarts under the same name and executes jobs again
        Timestamp restartedAt = Timestamp.from(Instant.now());
        CareLoopNode again = start(url, "node-a-restarted", "node-a");
        again.awaitReady(Duration.ofMinutes(5));
        Instant dueAgain = Instant.now().plusSeconds(15 + TIMERS_AFTER_RESTART / 50);
        for (int i = 0; i < TIMERS_AFTER_RESTART; i++) {
            startTimer(i % 2 == 0 ? again : b, dueAgain);
        }
        await(Duration.ofMinutes(3), () -> ended(db) == TIMERS + TIMERS_AFTER_RESTART, "timers after the restart fired");
        Map<String, Long> afterRestart = successesByNode(db, "Timer_Due", restartedAt);
        figures.put("timersAfterRestartByNode", afterRestart);
        assertThat(afterRestart.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(TIMERS_AFTER_RESTART);
        assertThat(afterRestart).as("the restarted node rejoined").containsKeys("node-a", "node-b");
        assertThat(db.queryForList("select job_id_ from act_hi_job_log where job_state_ = 2 group by job_id_ having count(*) > 1"))
                .as("jobs executed twice").isEmpty();

        figures.putAll(chunkDurations());
        String report = figures.toString();
        System.out.println("TwoNodesOnOneDatabaseTest figures: " + report);
        Files.writeString(Path.of("target", "cluster", "two-nodes.txt"), report + "\n");
        assertThat(counterA + counterB).as("careloop_jobs_executed_total of both nodes (%s + %s) = successful jobs in the job log",
                counterA, counterB).isEqualTo(logged);
    }

    private CareLoopNode start(String url, String logName, String name) throws Exception {
        CareLoopNode node = CareLoopNode.startOn(url, logName, ADMIN, PASSWORD,
                "--camunda.bpm.job-execution.enabled=true",
                // the engine's node name: job log HOSTNAME_ and the metrics reporter (default: IP address + engine name,
                // the same for two JVMs on one machine)
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                // short idle waits keep the test bounded; the lock time is the application's own (application.yml)
                "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000",
                // 120 chunks of 50 instead of 30 of 200: with 10 jobs per acquisition a quiet machine otherwise ran
                // the whole campaign before the test saw both nodes finish a chunk, and there was no run left to kill
                "--careloop.screening.chunk-size=50",
                "--logging.level.com.careloop.screening.StartFollowUpChunk=DEBUG");
        nodes.add(node);
        return node;
    }

    private static SimpleDriverDataSource dataSource(String url) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres", "");
    }

    private static String timerModel() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_ClusterTimer"
                    targetNamespace="http://careloop.com/test">
                  <bpmn:process id="clusterTimer" name="集群定时器 Cluster timer" isExecutable="true"
                      camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_Started" name="开始 Start" />
                    <bpmn:sequenceFlow id="Flow_ToTimer" sourceRef="StartEvent_Started" targetRef="Timer_Due" />
                    <bpmn:intermediateCatchEvent id="Timer_Due" name="到期 Due">
                      <bpmn:timerEventDefinition id="TimerDef_Due"><bpmn:timeDate>${due}</bpmn:timeDate></bpmn:timerEventDefinition>
                    </bpmn:intermediateCatchEvent>
                    <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Timer_Due" targetRef="EndEvent_Fired" />
                    <bpmn:endEvent id="EndEvent_Fired" name="已触发 Fired" />
                  </bpmn:process>
                </bpmn:definitions>
                """;
    }

    private static void deploy(CareLoopNode node, String fileName, String model) throws Exception {
        String boundary = "----careloop" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\ncluster-test\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"enable-duplicate-filtering\"\r\n\r\ntrue\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/xml\r\n\r\n" + model + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = node.http().send(node.request("/engine-rest/deployment/create")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static void startTimer(CareLoopNode node, Instant due) throws Exception {
        SimpleDateFormat rest = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        rest.setTimeZone(TimeZone.getTimeZone("UTC"));
        String body = "{\"variables\":{\"due\":{\"value\":\"" + rest.format(Date.from(due)) + "\",\"type\":\"Date\"}}}";
        HttpResponse<String> r = node.http().send(node.request("/engine-rest/process-definition/key/clusterTimer/start")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static int ended(JdbcTemplate db) {
        return db.queryForObject("select count(*) from act_hi_procinst where proc_def_key_ = 'clusterTimer' and end_time_ is not null",
                Integer.class);
    }

    private static long successes(JdbcTemplate db) {
        return db.queryForObject("select count(*) from act_hi_job_log where job_state_ = 2", Long.class);
    }

    /** Successful executions of the jobs of one activity per node (job log HOSTNAME_), since a time if given. */
    private static Map<String, Long> successesByNode(JdbcTemplate db, String activity, Timestamp since) {
        Map<String, Long> byNode = new java.util.TreeMap<>();
        String sql = "select hostname_, count(*) as n from act_hi_job_log where job_state_ = 2 and act_id_ = ?"
                + (since == null ? "" : " and timestamp_ >= ?") + " group by hostname_";
        Object[] args = since == null ? new Object[] {activity} : new Object[] {activity, since};
        db.queryForList(sql, args).forEach(r -> byNode.put((String) r.get("hostname_"), ((Number) r.get("n")).longValue()));
        return byNode;
    }

    private static boolean finished(JdbcTemplate db, long runId) {
        return db.queryForObject("select count(*) from screening_run where id = ? and finished_at is not null", Integer.class, runId) > 0;
    }

    private static long created(JdbcTemplate db, long runId) {
        return db.queryForObject("select count(*) from screening_candidate where run_id = ? and outcome = 'CREATED'", Long.class, runId);
    }

    private static long executedCounter(CareLoopNode node) {
        try {
            String scrape = node.get("/actuator/prometheus").body();
            long sum = 0;
            for (String l : lines(scrape, "careloop_jobs_executed_total{")) {
                sum += (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1));
            }
            return sum;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> lines(String scrape, String... prefixes) {
        List<String> found = new ArrayList<>();
        for (String l : scrape.split("\n")) {
            for (String p : prefixes) {
                if (l.startsWith(p)) {
                    found.add(l);
                }
            }
        }
        return found;
    }

    /** The longest chunk job and the selection job, from the nodes' logs (StartFollowUpChunk at DEBUG). */
    private Map<String, Object> chunkDurations() throws Exception {
        long max = 0;
        long sum = 0;
        int n = 0;
        long selection = -1;
        Pattern chunk = Pattern.compile("follow-ups started in (\\d+) ms");
        Pattern selected = Pattern.compile("selected in (\\d+) ms");
        for (CareLoopNode node : nodes) {
            for (String l : Files.readAllLines(node.log())) {
                Matcher m = chunk.matcher(l);
                if (m.find()) {
                    long ms = Long.parseLong(m.group(1));
                    max = Math.max(max, ms);
                    sum += ms;
                    n++;
                }
                Matcher s = selected.matcher(l);
                if (s.find()) {
                    selection = Long.parseLong(s.group(1));
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("chunkJobs", n);
        out.put("chunkMaxMs", max);
        out.put("chunkMeanMs", n == 0 ? 0 : sum / n);
        out.put("selectionMs", selection);
        return out;
    }

    private static void await(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(200);
        }
    }
}
