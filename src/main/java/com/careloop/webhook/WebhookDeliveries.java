package com.careloop.webhook;

import com.careloop.errors.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The webhook outbox (table webhook_delivery, its only writer): a row per subscription and event, added in the
 * caller's transaction; claimed by one node at a time (an optimistic update of locked_until), in order per
 * subscription and aggregate.
 */
@Component
public class WebhookDeliveries {

    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String FAILED = "FAILED";
    static final Duration CLAIM = Duration.ofMinutes(1);

    /** A delivery as it is shown: its attempts, the last response status, the times; never the payload's secret. */
    public record View(String deliveryId, long subscriptionId, String event, String aggregate, String status, int attempts,
                       Integer lastResponseStatus, String lastError, Instant createdAt, Instant lastAttemptAt,
                       Instant nextAttemptAt, Instant deliveredAt) {}

    /** A claimed row, with what posting it needs. */
    record Claimed(long id, String deliveryId, long subscriptionId, String event, String payload, int attempts, Instant retryFrom,
                   String url, String secret) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    WebhookDeliveries(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Adds a pending delivery in the caller's transaction; its delivery id (also in the payload). */
    void add(String deliveryId, long subscriptionId, WebhookEvent event, String aggregate, String payload) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("insert into webhook_delivery (delivery_id, subscription_id, event, aggregate_key, payload, status, attempts,"
                        + " created_at, retry_from, next_attempt_at) values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                deliveryId, subscriptionId, event.value(), aggregate, payload, PENDING, now, now, now);
    }

    static String newDeliveryId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Up to {@code limit} rows due now whose subscription and aggregate have no earlier pending row, claimed for this
     * node (a row another node claimed first is left out).
     */
    List<Claimed> claimDue(int limit) {
        Instant now = clock.instant();
        Timestamp ts = Timestamp.from(now);
        List<Long> due = jdbc.queryForList("select d.id from webhook_delivery d where d.status = ? and d.next_attempt_at <= ?"
                + " and (d.locked_until is null or d.locked_until < ?)"
                + " and not exists (select 1 from webhook_delivery e where e.subscription_id = d.subscription_id"
                + " and e.aggregate_key = d.aggregate_key and e.status = ? and e.id < d.id)"
                + " order by d.id fetch first " + limit + " rows only", Long.class, PENDING, ts, ts, PENDING);
        Timestamp until = Timestamp.from(now.plus(CLAIM));
        return due.stream()
                .filter(id -> jdbc.update("update webhook_delivery set locked_until = ? where id = ? and status = ?"
                        + " and (locked_until is null or locked_until < ?)", until, id, PENDING, ts) == 1)
                .flatMap(id -> jdbc.query("select d.id, d.delivery_id, d.subscription_id, d.event, d.payload, d.attempts, d.retry_from,"
                        + " s.url, s.secret from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id where d.id = ?",
                        (rs, i) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                                rs.getInt(6), rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9)), id).stream())
                .toList();
    }

    void delivered(long id, int status) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("update webhook_delivery set status = ?, attempts = attempts + 1, last_attempt_at = ?, last_response_status = ?,"
                + " last_error = null, delivered_at = ?, locked_until = null where id = ?", DELIVERED, now, status, now, id);
    }

    /** A failed attempt: again at {@code next}, or FAILED when {@code next} is null. */
    void attemptFailed(long id, Integer status, String error, Instant next) {
        Timestamp now = Timestamp.from(clock.instant());
        String e = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
        jdbc.update("update webhook_delivery set status = ?, attempts = attempts + 1, last_attempt_at = ?, last_response_status = ?,"
                        + " last_error = ?, next_attempt_at = ?, locked_until = null where id = ?",
                next == null ? FAILED : PENDING, now, status, e, next == null ? now : Timestamp.from(next), id);
    }

    /**
     * Claims one delivery by its id for a redelivery now, whatever its status but DELIVERED; empty when it is
     * delivered, gone (deleted with its subscription) or being posted by a node right now ({@link #stateOf}).
     */
    java.util.Optional<Claimed> claim(String deliveryId) {
        Instant now = clock.instant();
        Timestamp ts = Timestamp.from(now);
        if (jdbc.update("update webhook_delivery set locked_until = ? where delivery_id = ? and status <> ?"
                + " and (locked_until is null or locked_until < ?)", Timestamp.from(now.plus(CLAIM)), deliveryId, DELIVERED, ts) == 0) {
            return java.util.Optional.empty();
        }
        return jdbc.query("select d.id, d.delivery_id, d.subscription_id, d.event, d.payload, d.attempts, d.retry_from,"
                + " s.url, s.secret from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id where d.delivery_id = ?",
                (rs, i) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9)), deliveryId).stream().findFirst();
    }

    /** A delivery's status (PENDING, DELIVERED, FAILED); empty when there is no such delivery (any more). */
    java.util.Optional<String> stateOf(String deliveryId) {
        return jdbc.queryForList("select status from webhook_delivery where delivery_id = ?", String.class, deliveryId).stream().findFirst();
    }

    /** A redelivery of a given-up delivery failed too: counted, the response kept, the delivery stays (or becomes) FAILED. */
    void redeliveryFailed(long id, Integer status, String error) {
        Timestamp now = Timestamp.from(clock.instant());
        String e = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
        jdbc.update("update webhook_delivery set status = ?, attempts = attempts + 1, last_attempt_at = ?, last_response_status = ?,"
                + " last_error = ?, next_attempt_at = ?, locked_until = null where id = ?", FAILED, now, status, e, now, id);
    }

    /** The deliveries of a subscription that were ever refused (those a webhookDeliveryFailed process may be open for). */
    List<String> triedOf(long subscriptionId) {
        return jdbc.queryForList("select delivery_id from webhook_delivery where subscription_id = ? and status <> ? and attempts > 0",
                String.class, subscriptionId, DELIVERED);
    }

    /** The newest 100 deliveries of a subscription; 404 for an unknown subscription. */
    public List<View> of(long subscriptionId) {
        requireSubscription(subscriptionId);
        return jdbc.query("select delivery_id, subscription_id, event, aggregate_key, status, attempts, last_response_status, last_error,"
                + " created_at, last_attempt_at, next_attempt_at, delivered_at from webhook_delivery where subscription_id = ?"
                + " order by id desc fetch first 100 rows only", WebhookDeliveries::view, subscriptionId);
    }

    /** Sends a delivery again from now on, with a fresh retry window (also a delivered or failed one); 404 if unknown. */
    public View redeliver(long subscriptionId, String deliveryId) {
        requireSubscription(subscriptionId);
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("update webhook_delivery set status = ?, retry_from = ?, next_attempt_at = ?, locked_until = null, delivered_at = null"
                + " where subscription_id = ? and delivery_id = ?", PENDING, now, now, subscriptionId, deliveryId) == 0) {
            throw new NotFoundException("webhook delivery", deliveryId);
        }
        return jdbc.query("select delivery_id, subscription_id, event, aggregate_key, status, attempts, last_response_status, last_error,"
                + " created_at, last_attempt_at, next_attempt_at, delivered_at from webhook_delivery where delivery_id = ?",
                WebhookDeliveries::view, deliveryId).get(0);
    }

    /** With its subscription: the subscription's deliveries go. */
    void deleteOf(long subscriptionId) {
        jdbc.update("delete from webhook_delivery where subscription_id = ?", subscriptionId);
    }

    private void requireSubscription(long subscriptionId) {
        Long n = jdbc.queryForObject("select count(*) from webhook_subscription where id = ?", Long.class, subscriptionId);
        if (n == null || n == 0) {
            throw new NotFoundException("webhook subscription", String.valueOf(subscriptionId));
        }
    }

    private static View view(ResultSet rs, int i) throws SQLException {
        int last = rs.getInt(7);
        Integer lastStatus = rs.wasNull() ? null : last;
        return new View(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), lastStatus,
                rs.getString(8), instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)),
                PENDING.equals(rs.getString(5)) ? instant(rs.getTimestamp(11)) : null, instant(rs.getTimestamp(12)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
