package com.careloop.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerRequest;
import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerTier;
import com.careloop.followup.Scenario;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.TestPostgres;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Kills a CareLoop node (SIGKILL, a separate JVM on the test's PostgreSQL) in the middle of a screening run,
 * starts a fresh node, and checks that the run finishes with every selected customer holding exactly one
 * follow-up with its process instance: no chunk lost, none done twice.
 */
@org.junit.jupiter.api.Tag("slow")
class ScreeningCrashRestartTest extends CareLoopTest {

    static final int CUSTOMERS = 1500;

    @Autowired CustomerService customers;
    @Autowired ScreeningService screening;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;

    @Test
    void aRunKilledHalfWayFinishesAfterRestartWithExactlyOneFollowUpPerCustomer() throws Exception {
        String tag = "crash-" + UUID.randomUUID().toString().substring(0, 6);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            rows.add(new Object[] {tag + "-" + i, "崩溃测试 " + i, "STANDARD", tag, java.sql.Timestamp.from(Instant.now()), java.sql.Timestamp.from(Instant.now())});
        }
        jdbc.batchUpdate("insert into customer (external_id, name, tier, tags, created_at, updated_at) values (?, ?, ?, ?, ?, ?)", rows);
        long probe = customers.upsert(new CustomerRequest(tag + "-probe", "probe", null, null, null, CustomerTier.STANDARD, null, true, tag,
                null, null, null, null, null)).customer().id(); // opted out: never selected

        ScreeningRun run = screening.start(null, new Campaign("崩溃重启 " + tag, Scenario.PROMOTION, null, List.of(tag), List.of(), null, null), "test");
        long runId = run.getId();

        Process first = startNode("first");
        try {
            long deadline = System.currentTimeMillis() + 180_000;
            while (System.currentTimeMillis() < deadline && created(runId) < 100) {
                Thread.sleep(50);
            }
        } finally {
            first.destroyForcibly();
            first.waitFor(30, TimeUnit.SECONDS);
        }
        long createdAtCrash = created(runId);
        Integer candidates = jdbc.queryForObject("select candidates from screening_run where id = ?", Integer.class, runId);
        assertThat(candidates).isEqualTo(CUSTOMERS);
        assertThat(createdAtCrash).as("killed in the middle of the run").isGreaterThan(0).isLessThan(CUSTOMERS);

        Process second = startNode("second");
        try {
            long deadline = System.currentTimeMillis() + 300_000;
            while (System.currentTimeMillis() < deadline
                    && jdbc.queryForObject("select count(*) from screening_run where id = ? and finished_at is not null", Integer.class, runId) == 0) {
                Thread.sleep(200);
            }
        } finally {
            second.destroy();
            if (!second.waitFor(30, TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
        }
        assertThat(screening.status(screening.get(runId))).isEqualTo(ScreeningService.Status.COMPLETED);
        assertThat(created(runId)).isEqualTo(CUSTOMERS);
        List<Map<String, Object>> perCustomer = jdbc.queryForList("select c.external_id, count(f.id) as n from customer c"
                + " left join follow_up f on f.customer_id = c.id where c.tags = ? and c.opt_out = false group by c.external_id", tag);
        assertThat(perCustomer).hasSize(CUSTOMERS).allSatisfy(r -> assertThat(((Number) r.get("n")).intValue()).as(r.toString()).isEqualTo(1));
        Integer withProcess = jdbc.queryForObject("select count(*) from follow_up f join customer c on c.id = f.customer_id"
                + " where c.tags = ? and f.process_instance_id is not null", Integer.class, tag);
        assertThat(withProcess).isEqualTo(CUSTOMERS);
        assertThat(jdbc.queryForObject("select count(*) from follow_up where customer_id = ?", Integer.class, probe)).isZero();
        long running = runtime.createProcessInstanceQuery().processDefinitionKey("followUp").active().list().stream()
                .filter(p -> p.getBusinessKey() != null).count();
        assertThat(running).isGreaterThanOrEqualTo(CUSTOMERS);
    }

    private long created(long runId) {
        Long n = jdbc.queryForObject("select count(*) from screening_candidate where run_id = ? and outcome = 'CREATED'", Long.class, runId);
        return n == null ? 0 : n;
    }

    /** This JVM's class path, unpacked from Surefire's manifest-only jar and without duplicates. */
    static String classPath() throws Exception {
        String cp = System.getProperty("java.class.path");
        java.util.LinkedHashSet<String> entries = new java.util.LinkedHashSet<>();
        for (String entry : cp.split(File.pathSeparator)) {
            if (entry.endsWith(".jar") && entry.contains("surefire")) {
                try (java.util.jar.JarFile jar = new java.util.jar.JarFile(entry)) {
                    String manifestPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
                    if (manifestPath != null) {
                        for (String url : manifestPath.trim().split("\\s+")) {
                            entries.add(new File(new java.net.URI(url)).getCanonicalPath());
                        }
                        continue;
                    }
                }
            }
            entries.add(new File(entry).getCanonicalPath());
        }
        return String.join(File.pathSeparator, entries);
    }

    /** A CareLoop node in its own JVM on the test database, job executor on, short job locks (a dead node's jobs are taken over fast). */
    private Process startNode(String name) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Path.of("target", "crash-test-" + name + ".log");
        Files.createDirectories(log.getParent());
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx768m", "-cp", classPath(),
                "com.careloop.CareLoopApplication",
                "--server.port=0", "--server.address=127.0.0.1",
                "--spring.datasource.url=" + TestPostgres.jdbcUrl(), "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--careloop.demo.enabled=false", "--careloop.identity.demo-users=false", "--careloop.notification.email-enabled=false",
                // outside the demo a node starts only with a strong administrator password from its environment
                "--careloop.identity.admin-user=crashadmin", "--careloop.identity.admin-password=Kx7-" + UUID.randomUUID(),
                "--camunda.bpm.job-execution.enabled=true", "--camunda.bpm.job-execution.lock-time-in-millis=20000",
                "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000",
                "--careloop.screening.chunk-size=25"));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    }
}
