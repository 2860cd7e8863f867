package com.careloop.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One node starts at a time on a shared PostgreSQL. Camunda creates its schema without any lock (two nodes starting
 * on an empty database both run the create script, and the second fails on "duplicate key ... pg_type"), and the
 * start-up work after it (administrator, groups, Tasklist filters, authorizations, calendar seed) checks and then
 * inserts. So, before the engine touches its schema, a node takes a PostgreSQL session-level advisory lock on a
 * connection of its own and keeps it until the application is ready (start-up work done); a second node starting
 * meanwhile waits there. A node that dies while starting loses its connection and with it the lock, so nobody waits
 * for a dead node. Deployments are serialized by the engine itself besides (ACT_GE_PROPERTY 'deployment.lock').
 * Flyway's migrations run under the same lock ({@link ClusterStartMigration}). Nothing to do on H2 (the default run is one
 * node).
 * <p>
 * An engine plugin ({@code org.camunda.bpm.engine.impl.cfg}): {@code preInit} is the one hook that runs before the
 * engine's schema operation.
 */
@Component
public class ClusterStartLock extends AbstractProcessEnginePlugin {

    /** The advisory lock's key: "CareLoop" in ASCII, a number no other lock of this database uses. */
    static final long KEY = 0x436172654c6f6f70L;

    private static final Logger log = LoggerFactory.getLogger(ClusterStartLock.class);

    private final DataSource dataSource;
    private Connection held;

    public ClusterStartLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        acquire();
    }

    synchronized void acquire() {
        if (held != null) {
            return;
        }
        try {
            Connection c = dataSource.getConnection();
            if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) {
                c.close();
                return;
            }
            c.setAutoCommit(true);
            if (!lock(c, "select pg_try_advisory_lock(?)")) {
                log.info("Another node is starting on this database; waiting for it to be ready");
                long t = System.nanoTime();
                lock(c, "select pg_advisory_lock(?) is not null");
                log.info("The other node is ready; starting after {} ms", (System.nanoTime() - t) / 1_000_000);
            }
            held = c;
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the start lock on the database", e);
        }
    }

    private static boolean lock(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, KEY);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    /** Ready: the start-up work is over (config/StartupTasks runs before the application is ready). */
    @EventListener({ApplicationReadyEvent.class, ContextClosedEvent.class})
    public synchronized void release() {
        if (held == null) {
            return;
        }
        try (Connection c = held) {
            try (PreparedStatement s = c.prepareStatement("select pg_advisory_unlock(?)")) {
                s.setLong(1, KEY);
                s.executeQuery().close();
            }
        } catch (SQLException e) {
            // closing the connection ends the session, which releases the lock anyway
            log.debug("start lock released by closing its connection", e);
        } finally {
            held = null;
        }
    }
}
