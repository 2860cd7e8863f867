package com.careloop.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The store of idempotency keys (table idempotency_key, its only writer). Each statement commits on its own
 * (auto-commit, no surrounding transaction): a claim is visible to every node at once, and the primary key
 * (owner, key) lets exactly one request claim a key; a concurrent insert of the same key waits for the first to
 * commit and then fails, so the second request sees the claim.
 */
@Component
public class IdempotencyKeys {

    enum State { IN_PROGRESS, COMPLETED }

    /** What is stored under a key: the request's fingerprint, and the first answer once it is COMPLETED. */
    record Entry(String fingerprint, String method, String path, State state, Integer status, String contentType, String location,
                 byte[] body, Instant createdAt, Instant expiresAt) {}

    /** The outcome of a claim: {@code claimed}, or the entry that holds the key already. */
    record Claim(boolean claimed, Entry existing) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration retention;

    IdempotencyKeys(JdbcTemplate jdbc, Clock clock, @Value("${careloop.idempotency.retention:24h}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    Duration retention() {
        return retention;
    }

    /** Claims the key for this request, or gives the live entry that holds it (an expired one is removed first). */
    Claim claim(String owner, String key, String fingerprint, String method, String path) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant now = clock.instant();
            try {
                jdbc.update("insert into idempotency_key (owner_id, idem_key, fingerprint, method, path, state, created_at, expires_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)", owner, key, fingerprint, method, path, State.IN_PROGRESS.name(),
                        Timestamp.from(now), Timestamp.from(now.plus(retention)));
                return new Claim(true, null);
            } catch (DuplicateKeyException taken) {
                Entry existing = find(owner, key);
                if (existing == null) {
                    continue; // released or removed in between: claim again
                }
                if (!existing.expiresAt().isAfter(now)) {
                    jdbc.update("delete from idempotency_key where owner_id = ? and idem_key = ? and expires_at = ?",
                            owner, key, Timestamp.from(existing.expiresAt()));
                    continue;
                }
                return new Claim(false, existing);
            }
        }
        throw new IllegalStateException("idempotency key could not be claimed after 3 attempts");
    }

    /** Stores the first answer of the claimed key. */
    void complete(String owner, String key, int status, String contentType, String location, byte[] body) {
        jdbc.update("update idempotency_key set state = ?, response_status = ?, response_type = ?, response_location = ?,"
                + " response_body = ?, completed_at = ? where owner_id = ? and idem_key = ? and state = ?",
                State.COMPLETED.name(), status, contentType, location, body, Timestamp.from(clock.instant()), owner, key,
                State.IN_PROGRESS.name());
    }

    /** Gives the key up (the request failed unexpectedly, nothing to repeat): a retry with it runs again. */
    void release(String owner, String key) {
        jdbc.update("delete from idempotency_key where owner_id = ? and idem_key = ? and state = ?", owner, key, State.IN_PROGRESS.name());
    }

    Entry find(String owner, String key) {
        List<Entry> found = jdbc.query("select fingerprint, method, path, state, response_status, response_type, response_location,"
                + " response_body, created_at, expires_at from idempotency_key where owner_id = ? and idem_key = ?",
                (rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), State.valueOf(rs.getString(4)),
                        (Integer) rs.getObject(5), rs.getString(6), rs.getString(7), rs.getBytes(8),
                        rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant()), owner, key);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Removes the keys older than the retention, every hour. */
    @Scheduled(fixedDelayString = "${careloop.idempotency.purge-interval:PT1H}", initialDelayString = "${careloop.idempotency.purge-interval:PT1H}")
    public int purgeExpired() {
        return jdbc.update("delete from idempotency_key where expires_at <= ?", Timestamp.from(clock.instant()));
    }
}
