package com.careloop.customer;

import com.careloop.errors.NotFoundException;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * The record of every CSV import (tables customer_import, customer_import_error; this class is their only writer):
 * RUNNING from the first byte, then COMPLETED or FAILED; counts are always those committed. An import writes a
 * heartbeat with every batch and at least every heartbeat interval (a sixth of the timeout, at most 20 s); a RUNNING
 * import without one for careloop.customer.import-abandoned-after (2 minutes) lost its node (kill -9, crash,
 * restart) and is set INTERRUPTED — at every start of the application and whenever it is read.
 */
@Service
public class CustomerImports {

    public enum Status { RUNNING, COMPLETED, FAILED, INTERRUPTED }

    static final Duration MAX_HEARTBEAT = Duration.ofSeconds(20);

    /** A rejected line of an import: its line number, the column at fault (null: the whole line) and why. */
    public record LineError(long line, String column, String message) {}

    /** Where an import stands: what has been read, committed and rejected. */
    static final class Progress {
        String encoding;
        List<String> ignoredColumns = List.of();
        long linesRead;
        long committedThroughLine;
        long created;
        long updated;
        long rejected;
        boolean errorsTruncated;
        int errorsKept;
        /** rejected lines not yet written to customer_import_error */
        final List<LineError> pendingErrors = new ArrayList<>();
        Instant lastHeartbeat = Instant.EPOCH;
        /** user lookups of this import (see CustomerRules#users) */
        java.util.function.Predicate<String> users = id -> false;

        void reject(long line, String column, String message) {
            if (errorsKept < CustomerCsvImport.MAX_ERRORS) {
                pendingErrors.add(new LineError(line, column, message));
                errorsKept++;
            } else {
                errorsTruncated = true;
            }
        }
    }

    public record View(long id, Status status, String fileName, String encoding, String startedBy, Instant startedAt,
                       Instant finishedAt, long linesRead, long committedThroughLine, long accepted, long created, long updated,
                       long rejected, Long failureLine, String failure, List<LineError> errors, boolean errorsTruncated,
                       List<String> ignoredColumns) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration abandonedAfter;
    private final Duration heartbeat;

    public CustomerImports(JdbcTemplate jdbc, Clock clock,
                           @Value("${careloop.customer.import-abandoned-after:PT2M}") Duration abandonedAfter) {
        if (abandonedAfter.isNegative() || abandonedAfter.isZero()) {
            throw new IllegalArgumentException("careloop.customer.import-abandoned-after must be positive: " + abandonedAfter);
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.abandonedAfter = abandonedAfter;
        Duration sixth = abandonedAfter.dividedBy(6);
        this.heartbeat = sixth.compareTo(MAX_HEARTBEAT) < 0 ? sixth : MAX_HEARTBEAT;
    }

    long start(String fileName, String startedBy) {
        Timestamp now = Timestamp.from(clock.instant());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement s = c.prepareStatement("insert into customer_import (status, file_name, started_by, started_at, heartbeat_at)"
                    + " values ('RUNNING', ?, ?, ?, ?)", new String[] {"id"});
            s.setString(1, fileName == null ? null : abbreviate(fileName, 255));
            s.setString(2, startedBy);
            s.setTimestamp(3, now);
            s.setTimestamp(4, now);
            return s;
        }, key);
        return key.getKey().longValue();
    }

    /** Writes counts, heartbeat and the pending line errors; in the caller's transaction when there is one (a batch). */
    void progress(long id, Progress p) {
        p.lastHeartbeat = clock.instant();
        jdbc.update("update customer_import set heartbeat_at = ?, encoding = ?, ignored_columns = ?, lines_read = ?,"
                        + " committed_through_line = ?, created_count = ?, updated_count = ?, rejected_count = ?, errors_truncated = ?"
                        + " where id = ? and status = 'RUNNING'",
                Timestamp.from(p.lastHeartbeat), p.encoding, abbreviate(String.join("\n", p.ignoredColumns), 2000), p.linesRead,
                p.committedThroughLine, p.created, p.updated, p.rejected, p.errorsTruncated, id);
        if (!p.pendingErrors.isEmpty()) {
            jdbc.batchUpdate("insert into customer_import_error (import_id, line, column_name, message) values (?, ?, ?, ?)",
                    p.pendingErrors.stream().map(e -> new Object[] {id, e.line(), e.column(), abbreviate(e.message(), 1000)}).toList());
            p.pendingErrors.clear();
        }
    }

    /** A heartbeat when the last one is older than the heartbeat interval (a long stretch without a batch to write). */
    void heartbeatIfDue(long id, Progress p) {
        if (Duration.between(p.lastHeartbeat, clock.instant()).compareTo(heartbeat) >= 0) {
            progress(id, p);
        }
    }

    void complete(long id, Progress p) {
        progress(id, p);
        jdbc.update("update customer_import set status = 'COMPLETED', finished_at = ? where id = ? and status = 'RUNNING'",
                Timestamp.from(clock.instant()), id);
    }

    void fail(long id, Progress p, Long line, String failure) {
        progress(id, p);
        jdbc.update("update customer_import set status = 'FAILED', finished_at = ?, failure_line = ?, failure = ? where id = ? and status = 'RUNNING'",
                Timestamp.from(clock.instant()), line, abbreviate(failure, 2000), id);
    }

    /** Sets INTERRUPTED every RUNNING import whose node stopped sending heartbeats; @return how many. */
    @EventListener(ApplicationReadyEvent.class)
    public int interruptAbandoned() {
        Instant now = clock.instant();
        List<long[]> abandoned = jdbc.query("select id, committed_through_line from customer_import where status = 'RUNNING' and heartbeat_at < ?",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, Timestamp.from(now.minus(abandonedAfter)));
        for (long[] a : abandoned) {
            jdbc.update("update customer_import set status = 'INTERRUPTED', finished_at = ?, failure = ? where id = ? and status = 'RUNNING'",
                    Timestamp.from(now), "the import stopped before the end of the file (its node was stopped or crashed, no heartbeat for "
                            + describe(abandonedAfter) + "): lines up to " + a[1] + " were committed, nothing after them;"
                            + " import the file again (rows are upserted by externalId)", a[0]);
        }
        return abandoned.size();
    }

    public View get(long id) {
        List<Status> status = jdbc.queryForList("select status from customer_import where id = ?", String.class, id)
                .stream().map(Status::valueOf).toList();
        if (status.isEmpty()) {
            throw new NotFoundException("customer import", String.valueOf(id));
        }
        if (status.get(0) == Status.RUNNING) {
            interruptAbandoned();
        }
        List<LineError> errors = jdbc.query("select line, column_name, message from customer_import_error where import_id = ? order by line, id",
                (rs, i) -> new LineError(rs.getLong(1), rs.getString(2), rs.getString(3)), id);
        return jdbc.queryForObject("select id, status, file_name, encoding, started_by, started_at, finished_at, lines_read,"
                        + " committed_through_line, created_count, updated_count, rejected_count, failure_line, failure, errors_truncated,"
                        + " ignored_columns from customer_import where id = ?",
                (rs, i) -> new View(rs.getLong(1), Status.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
                        instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), rs.getLong(8), rs.getLong(9),
                        rs.getLong(10) + rs.getLong(11), rs.getLong(10), rs.getLong(11), rs.getLong(12),
                        rs.getObject(13) == null ? null : rs.getLong(13), rs.getString(14), errors, rs.getBoolean(15),
                        rs.getString(16) == null || rs.getString(16).isEmpty() ? List.of() : Arrays.asList(rs.getString(16).split("\n"))),
                id);
    }

    private static String describe(Duration d) {
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes") : d.toSeconds() + " s";
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String abbreviate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
