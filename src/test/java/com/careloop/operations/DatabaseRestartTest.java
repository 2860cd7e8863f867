package com.careloop.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.CareLoopNode;
import com.careloop.testsupport.RestartablePostgres;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reliability: PostgreSQL restarts under a running CareLoop node (its own JVM on a PostgreSQL of its own,
 * {@link RestartablePostgres}, so the other tests' database is untouched). A screening run for {@value #CUSTOMERS}
 * customers is in flight on the job executor (chunks of 25) when PostgreSQL is stopped ("fast": the node's
 * connections are cut mid-transaction) and started again some seconds later on the same port and data directory.
 * The node is not restarted: readiness is DOWN (503) while the database is away — liveness stays UP, so an
 * orchestrator would not kill it —, UP again after, the pool reconnects, the job executor carries on, the jobs that were
 * in flight are retried, and the run completes with exactly one follow-up per customer, each with its process
 * instance, and every candidate row pointing at one: nothing half-written.
 */
@Tag("slow")
class DatabaseRestartTest {

    static final int CUSTOMERS = 1000;
    static final Duration DOWN_FOR = Duration.ofSeconds(8);

    @Test
    void theNodeRecoversFromADatabaseRestartAndTheRunCompletesWithNothingHalfWritten() throws Exception {
        try (RestartablePostgres pg = RestartablePostgres.start();
             CareLoopNode node = CareLoopNode.startOn(pg.jdbcUrl(), "db-restart", "restartadmin", "Kx7-" + UUID.randomUUID(),
                     "--camunda.bpm.job-execution.enabled=true", "--camunda.bpm.job-execution.lock-time-in-millis=20000",
                     "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000",
                     "--careloop.screening.chunk-size=25", "--careloop.notification.worker.enabled=false",
                     // a probe or request waits at most 3 s for a connection while the database is away (Hikari's default: 30 s)
                     "--spring.datasource.hikari.connection-timeout=3000")) {
            node.awaitReady(Duration.ofMinutes(3));
            long pid = pidOf(node);
            String tag = "dbr-" + UUID.randomUUID().toString().substring(0, 6);
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl())) {
                seed(c, tag);
            }
            HttpResponse<String> started = node.http().send(node.request("/api/screening/runs")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"campaign\":{\"name\":\"数据库重启 DB restart " + tag
                            + "\",\"scenario\":\"PROMOTION\",\"tags\":[\"" + tag + "\"]}}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            long runId = Long.parseLong(started.body().replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));

            // in flight: some follow-ups created, most not yet
            await(Duration.ofMinutes(3), () -> created(pg, runId) >= 50, "the run under way");
            long createdAtStop = created(pg, runId);
            pg.stopServer();
            downAndUpAgain(pg, node);

            assertThat(createdAtStop).as("stopped in the middle of the run").isLessThan(CUSTOMERS);
            assertThat(pidOf(node)).as("the same node, never restarted").isEqualTo(pid);
            await(Duration.ofMinutes(5), () -> finished(pg, runId), "the run completes after the restart");

            try (Connection c = DriverManager.getConnection(pg.jdbcUrl())) {
                assertThat(one(c, "select candidates from screening_run where id = ?", runId)).isEqualTo(CUSTOMERS);
                assertThat(one(c, "select count(*) from screening_candidate where run_id = ?", runId)).isEqualTo(CUSTOMERS);
                assertThat(one(c, "select count(distinct customer_id) from screening_candidate where run_id = ?", runId)).isEqualTo(CUSTOMERS);
                assertThat(one(c, "select count(*) from screening_candidate where run_id = ? and outcome = 'CREATED'", runId)).isEqualTo(CUSTOMERS);
                // exactly one follow-up per customer, each with its running process instance (business key = its number)
                assertThat(one(c, "select count(*) from (select c.id from customer c left join follow_up f on f.customer_id = c.id"
                        + " where c.tags = ? group by c.id having count(f.id) <> 1) x", tag)).as("customers without exactly one follow-up").isZero();
                assertThat(one(c, "select count(*) from follow_up f join customer c on c.id = f.customer_id where c.tags = ?"
                        + " and exists (select 1 from act_ru_execution e where e.id_ = f.process_instance_id and e.parent_id_ is null"
                        + " and e.business_key_ = f.number)", tag)).as("follow-ups with their process instance").isEqualTo(CUSTOMERS);
                assertThat(one(c, "select count(*) from act_ru_execution e where e.parent_id_ is null and e.proc_def_id_ like 'followUp:%'"
                        + " and not exists (select 1 from follow_up f where f.process_instance_id = e.id_)")).as("process instances without a follow-up").isZero();
                assertThat(one(c, "select count(*) from screening_candidate s where s.run_id = ? and not exists"
                        + " (select 1 from follow_up f where f.id = s.follow_up_id)", runId)).as("candidates pointing at no follow-up").isZero();
                assertThat(one(c, "select count(*) from act_ru_incident")).as("no incident: every failed job was retried").isZero();
                System.out.printf("DatabaseRestartTest: %d of %d follow-ups created when PostgreSQL stopped, down for %d s; "
                                + "jobs with a retry used: %d%n", createdAtStop, CUSTOMERS, DOWN_FOR.toSeconds(),
                        one(c, "select count(*) from act_hi_job_log where job_exception_msg_ is not null"));
            }
            assertThat(node.isAlive()).isTrue();
            assertThat(pidOf(node)).isEqualTo(pid);
        }
    }

    /**
     * While the database is down: readiness DOWN, liveness UP; then PostgreSQL starts again and readiness returns to
     * UP in the same process.
     */
    private void downAndUpAgain(RestartablePostgres pg, CareLoopNode node) throws Exception {
        await(Duration.ofSeconds(60), () -> status(node, "/actuator/health/readiness") == 503, "readiness DOWN without the database");
        assertThat(status(node, "/actuator/health/liveness")).as("alive: no reason to restart the node").isEqualTo(200);
        Thread.sleep(DOWN_FOR.toMillis());
        assertThat(status(node, "/actuator/health/readiness")).isEqualTo(503);
        pg.startServer();
        await(Duration.ofSeconds(90), () -> status(node, "/actuator/health/readiness") == 200, "readiness UP again");
    }

    private static void seed(Connection c, String tag) throws Exception {
        try (PreparedStatement s = c.prepareStatement(
                "insert into customer (external_id, name, tier, tags, created_at, updated_at) values (?, ?, 'STANDARD', ?, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < CUSTOMERS; i++) {
                s.setString(1, tag + "-" + i);
                s.setString(2, "重启测试 " + i);
                s.setString(3, tag);
                s.setTimestamp(4, now);
                s.setTimestamp(5, now);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static long created(RestartablePostgres pg, long runId) {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl())) {
            return one(c, "select count(*) from screening_candidate where run_id = ? and outcome = 'CREATED'", runId);
        } catch (Exception e) {
            return -1;
        }
    }

    private static boolean finished(RestartablePostgres pg, long runId) {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl())) {
            return one(c, "select count(*) from screening_run where id = ? and finished_at is not null", runId) == 1;
        } catch (Exception e) {
            return false;
        }
    }

    private static long one(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static int status(CareLoopNode node, String path) {
        try {
            return node.http().send(node.request(path).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static long pidOf(CareLoopNode node) {
        return node.pid();
    }

    private static void await(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(250);
        }
    }
}
