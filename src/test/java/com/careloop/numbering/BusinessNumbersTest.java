package com.careloop.numbering;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.TestPostgres;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 11 item 4: a screening chunk job holds its connection and asked for a second one (a REQUIRES_NEW
 * transaction) for its business numbers, so N job threads on a pool of N connections starved each other.
 * Numbers now come from database sequences in the caller's own transaction: N threads, each holding one of N
 * pooled connections, all get their numbers; numbers are unique under concurrency and a rollback only leaves a gap.
 * Run on PostgreSQL (the tests' real database) and on H2 (the default run), both migrated by Flyway as the app does.
 */
class BusinessNumbersTest {

    static final int THREADS = 4;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T04:00:00Z"), ZoneId.of("Asia/Shanghai"));

    abstract static class OnDatabase {

        HikariDataSource pool;
        BusinessNumbers numbers;
        TransactionTemplate tx;

        abstract String url();

        abstract String vendor();

        @BeforeAll
        void migrate() {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url());
            config.setMaximumPoolSize(THREADS); // exactly one connection per thread: none to spare
            config.setConnectionTimeout(1000);
            pool = new HikariDataSource(config);
            Flyway.configure().dataSource(pool).locations("classpath:db/migration", "classpath:db/vendor/" + vendor()).load().migrate();
            numbers = new BusinessNumbers(new JdbcTemplate(pool), CLOCK);
            tx = new TransactionTemplate(new DataSourceTransactionManager(pool));
        }

        @AfterAll
        void close() {
            pool.close();
        }

        @Test
        void everyThreadHoldingOneOfAllConnectionsGetsItsNumbersAndTheyAreUnique() throws Exception {
            CyclicBarrier allHoldAConnection = new CyclicBarrier(THREADS);
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<List<String>>> results = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    results.add(threads.submit(() -> tx.execute(status -> {
                        // a chunk job: its transaction has taken a connection, as have all the others
                        new JdbcTemplate(pool).queryForObject("select 1", Integer.class);
                        await(allHoldAConnection);
                        List<String> mine = new ArrayList<>();
                        for (int round = 0; round < 20; round++) {
                            mine.addAll(numbers.nextFollowUpNumbers(10));
                            mine.add(numbers.nextFeedbackNumber());
                        }
                        return mine;
                    })));
                }
                List<String> all = new ArrayList<>();
                for (Future<List<String>> r : results) {
                    all.addAll(r.get(60, TimeUnit.SECONDS));
                }
                assertThat(all).hasSize(THREADS * 20 * 11).doesNotHaveDuplicates();
                assertThat(all.stream().filter(n -> n.startsWith("FU-"))).allMatch(n -> n.matches("FU-20261201-\\d{6,}"));
                assertThat(all.stream().filter(n -> n.startsWith("FB"))).allMatch(n -> n.matches("FB20261201\\d{4,}"));
            } finally {
                threads.shutdownNow();
            }
        }

        @Test
        void aRolledBackNumberIsSkippedNeverReused() {
            Set<String> rolledBack = new HashSet<>();
            tx.executeWithoutResult(status -> {
                rolledBack.addAll(numbers.nextFollowUpNumbers(5));
                status.setRollbackOnly();
            });
            List<String> next = tx.execute(status -> numbers.nextFollowUpNumbers(5));
            assertThat(next).hasSize(5).doesNotHaveDuplicates().noneMatch(rolledBack::contains);
        }

        private static void await(CyclicBarrier barrier) {
            try {
                barrier.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnPostgres extends OnDatabase {
        @Override
        String url() {
            String server = TestPostgres.jdbcUrl();
            try (var c = java.sql.DriverManager.getConnection(server); var s = c.createStatement()) {
                s.execute("drop database if exists numbering_test");
                s.execute("create database numbering_test");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return server.replace("/postgres?", "/numbering_test?");
        }

        @Override
        String vendor() {
            return "postgresql";
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnH2 extends OnDatabase {
        @Override
        String url() {
            return "jdbc:h2:mem:numbering_test;DB_CLOSE_DELAY=-1";
        }

        @Override
        String vendor() {
            return "h2";
        }
    }
}
