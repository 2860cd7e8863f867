package com.careloop.customer;

import com.careloop.errors.InvalidRequestException.FieldError;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one writer of customer master data (table customer) for POST /api/customers (one row) and the CSV import
 * (batches of 1,000): upsert by externalId in batches, a null field leaves the stored value as it is, the wrong-number
 * flag is cleared when the phone number changes, and the rule a stored record takes part in (a VIP's account agent
 * must be a user) is checked here against the stored tier. Format and the other rules are {@link CustomerRules}', checked
 * by each way in before the row gets here. Runs in the caller's transaction.
 */
@Component
class CustomerWriter {

    /** One customer as written: null = unchanged (an existing customer) or the default (a new one). */
    static final class Row {
        int line;
        String externalId;
        String name;
        String company;
        String phone;
        String email;
        String tier;
        String accountAgent;
        /** POST /api/customers with a blank accountAgent: back to the agents pool. */
        boolean clearAccountAgent;
        Boolean optOut;
        String tags;
        String products;
        final Map<String, Instant> times = new HashMap<>();
    }

    /** A row the stored record's rules refused (nothing written for it). */
    record Refused(Row row, List<FieldError> errors) {}

    record Result(long created, long updated, List<Refused> refused) {}

    static final String ERASED = "该客户的个人信息已按删除请求删除，不再写入 The customer's personal data was erased on request and is not stored again";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final CustomerRules rules;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CustomerWriter(JdbcTemplate jdbc, CustomerRules rules, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.rules = rules;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Upserts the rows (distinct externalIds) in batches; {@code users} as from {@link CustomerRules#users()}. A row that
     * opts a customer out of follow-up calls who was not opted out (or a new customer, opted out from the start)
     * publishes {@link CustomerOptedOut} with {@code source} (API, IMPORT); the change is decided by the database (an
     * update of the rows still opted in), so two concurrent writes publish it once.
     */
    Result upsert(List<Row> rows, Predicate<String> users, String source) {
        if (rows.isEmpty()) {
            return new Result(0, 0, List.of());
        }
        Map<String, Long> existing = new HashMap<>();
        Set<String> storedVip = new HashSet<>();
        Set<String> erased = new HashSet<>();
        named.query("select id, external_id, tier, erased_at from customer where external_id in (:ids)",
                new MapSqlParameterSource("ids", rows.stream().map(r -> r.externalId).toList()),
                rs -> {
                    existing.put(rs.getString(2), rs.getLong(1));
                    if ("VIP".equals(rs.getString(3))) {
                        storedVip.add(rs.getString(2));
                    }
                    if (rs.getTimestamp(4) != null) {
                        erased.add(rs.getString(2));
                    }
                });
        // a row without a tier that names an account agent for a customer stored as VIP
        List<Refused> refused = new ArrayList<>();
        List<Row> write = new ArrayList<>(rows.size());
        for (Row r : rows) {
            if (erased.contains(r.externalId)) {
                // an erase request (PIPL) is final: the CRM must not bring the personal data back
                refused.add(new Refused(r, List.of(new FieldError("externalId", ERASED))));
                continue;
            }
            if (r.tier == null && r.accountAgent != null && storedVip.contains(r.externalId)) {
                List<FieldError> broken = rules.check(Map.of(), true, r.accountAgent, users);
                if (!broken.isEmpty()) {
                    refused.add(new Refused(r, broken));
                    continue;
                }
            }
            write.add(r);
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (Row r : write) {
            Long id = existing.get(r.externalId);
            String agent = r.clearAccountAgent ? null : r.accountAgent;
            if (id == null) {
                inserts.add(new Object[] {r.externalId, r.name, r.company, r.phone, r.email, r.tier == null ? "STANDARD" : r.tier,
                    agent, r.optOut != null && r.optOut, r.tags, r.products, ts(r, "firstPurchaseAt"), ts(r, "lastPurchaseAt"),
                    ts(r, "lastResolvedAt"), ts(r, "lastLoginAt"), now, now});
            } else {
                updates.add(new Object[] {r.name, r.company, r.phone, r.phone, r.phone, r.email, r.tier, r.clearAccountAgent, agent,
                    r.optOut, r.tags, r.products, ts(r, "firstPurchaseAt"), ts(r, "lastPurchaseAt"), ts(r, "lastResolvedAt"),
                    ts(r, "lastLoginAt"), now, id});
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("insert into customer (external_id, name, company, phone, email, tier, account_agent, opt_out, tags, products,"
                    + " first_purchase_at, last_purchase_at, last_resolved_at, last_login_at, created_at, updated_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
        }
        Instant at = now.toInstant();
        List<Row> optingOut = write.stream().filter(r -> Boolean.TRUE.equals(r.optOut) && existing.containsKey(r.externalId)).toList();
        if (!optingOut.isEmpty()) {
            int[] changed = jdbc.batchUpdate("update customer set opt_out = true where id = ? and opt_out = false",
                    optingOut.stream().map(r -> new Object[] {existing.get(r.externalId)}).toList());
            for (int i = 0; i < changed.length; i++) {
                if (changed[i] == 1) {
                    Row r = optingOut.get(i);
                    events.publishEvent(new CustomerOptedOut(existing.get(r.externalId), r.externalId, CustomerOptedOut.Refused.CALLS, source, at));
                }
            }
        }
        List<String> newOptedOut = write.stream().filter(r -> Boolean.TRUE.equals(r.optOut) && !existing.containsKey(r.externalId))
                .map(r -> r.externalId).toList();
        if (!newOptedOut.isEmpty()) {
            named.query("select id, external_id from customer where external_id in (:ids) order by id",
                    new MapSqlParameterSource("ids", newOptedOut), rs -> {
                        events.publishEvent(new CustomerOptedOut(rs.getLong(1), rs.getString(2), CustomerOptedOut.Refused.CALLS, source, at));
                    });
        }
        if (!updates.isEmpty()) {
            // the right-hand sides see the stored row: the flag is cleared only when a different phone number is given
            jdbc.batchUpdate("update customer set name = ?, company = coalesce(?, company),"
                    + " contact_invalid = case when cast(? as varchar) is not null and cast(? as varchar) <> coalesce(phone, '') then false"
                    + " else contact_invalid end, phone = coalesce(?, phone),"
                    + " email = coalesce(?, email), tier = coalesce(?, tier),"
                    + " account_agent = case when ? then null else coalesce(?, account_agent) end,"
                    + " opt_out = coalesce(?, opt_out), tags = coalesce(?, tags), products = coalesce(?, products),"
                    + " first_purchase_at = coalesce(?, first_purchase_at), last_purchase_at = coalesce(?, last_purchase_at),"
                    + " last_resolved_at = coalesce(?, last_resolved_at), last_login_at = coalesce(?, last_login_at),"
                    + " updated_at = ?, version = version + 1 where id = ?", updates);
        }
        return new Result(inserts.size(), updates.size(), refused);
    }

    private static Timestamp ts(Row r, String column) {
        Instant at = r.times.get(column);
        return at == null ? null : Timestamp.from(at);
    }
}
