package com.careloop.quality;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one writer of quality's tables (V8__quality.sql). Rollup rows are added to with one upsert per row (PostgreSQL
 * {@code insert … on conflict do update}, H2 {@code merge … using}), in key order so that concurrent recordings
 * cannot deadlock; everything in the caller's transaction.
 */
@Component
class QualityStore {

    private static final String DIMS = "on_day, agent, team, scenario, product, channel, tier";
    private static final String COLUMNS = Arrays.stream(Counter.ALL).map(c -> c.column).collect(Collectors.joining(", "));

    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final String upsertRollup;
    private final String upsertKeyword;
    private final String upsertDimension;

    QualityStore(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = isPostgres(dataSource);
        String marks = String.join(", ", java.util.Collections.nCopies(7 + Counter.ALL.length, "?"));
        if (postgres) {
            upsertRollup = "insert into quality_rollup (" + DIMS + ", " + COLUMNS + ") values (" + marks + ")"
                    + " on conflict (" + DIMS + ") do update set "
                    + Arrays.stream(Counter.ALL).map(c -> c.column + " = quality_rollup." + c.column + " + excluded." + c.column)
                    .collect(Collectors.joining(", "));
            upsertDimension = "insert into quality_rollup_dim (on_day, dimension, dim_key, " + COLUMNS + ") values ("
                    + String.join(", ", java.util.Collections.nCopies(3 + Counter.ALL.length, "?")) + ")"
                    + " on conflict (on_day, dimension, dim_key) do update set "
                    + Arrays.stream(Counter.ALL).map(c -> c.column + " = quality_rollup_dim." + c.column + " + excluded." + c.column)
                    .collect(Collectors.joining(", "));
            upsertKeyword = "insert into quality_keyword_day (on_day, keyword, hits) values (?, ?, ?)"
                    + " on conflict (on_day, keyword) do update set hits = quality_keyword_day.hits + excluded.hits";
        } else {
            upsertRollup = "merge into quality_rollup t using (values (cast(? as date), "
                    + String.join(", ", java.util.Collections.nCopies(6, "cast(? as varchar(100))")) + ", "
                    + String.join(", ", java.util.Collections.nCopies(Counter.ALL.length, "cast(? as bigint)")) + "))"
                    + " s(" + DIMS + ", " + COLUMNS + ")"
                    + " on (t.on_day = s.on_day and t.agent = s.agent and t.team = s.team and t.scenario = s.scenario"
                    + " and t.product = s.product and t.channel = s.channel and t.tier = s.tier)"
                    + " when matched then update set "
                    + Arrays.stream(Counter.ALL).map(c -> c.column + " = t." + c.column + " + s." + c.column).collect(Collectors.joining(", "))
                    + " when not matched then insert (" + DIMS + ", " + COLUMNS + ") values ("
                    + Arrays.stream(("on_day,agent,team,scenario,product,channel,tier," + COLUMNS.replace(" ", "")).split(","))
                    .map(c -> "s." + c).collect(Collectors.joining(", ")) + ")";
            upsertDimension = "merge into quality_rollup_dim t using (values (cast(? as date), cast(? as varchar(16)), cast(? as varchar(100)), "
                    + String.join(", ", java.util.Collections.nCopies(Counter.ALL.length, "cast(? as bigint)")) + "))"
                    + " s(on_day, dimension, dim_key, " + COLUMNS + ")"
                    + " on (t.on_day = s.on_day and t.dimension = s.dimension and t.dim_key = s.dim_key)"
                    + " when matched then update set "
                    + Arrays.stream(Counter.ALL).map(c -> c.column + " = t." + c.column + " + s." + c.column).collect(Collectors.joining(", "))
                    + " when not matched then insert (on_day, dimension, dim_key, " + COLUMNS + ") values (s.on_day, s.dimension, s.dim_key, "
                    + Arrays.stream(Counter.ALL).map(c -> "s." + c.column).collect(Collectors.joining(", ")) + ")";
            upsertKeyword = "merge into quality_keyword_day t using (values (cast(? as date), cast(? as varchar(64)), cast(? as bigint))) s(on_day, keyword, hits)"
                    + " on (t.on_day = s.on_day and t.keyword = s.keyword) when matched then update set hits = t.hits + s.hits"
                    + " when not matched then insert (on_day, keyword, hits) values (s.on_day, s.keyword, s.hits)";
        }
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell the database", e);
        }
    }

    Optional<Recording.FollowUpFacts> followUp(long followUpId) {
        return jdbc.query("select agent, team, scenario, tier from quality_follow_up where follow_up_id = ?",
                rs -> rs.next() ? Optional.of(new Recording.FollowUpFacts(followUpId, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                        : Optional.<Recording.FollowUpFacts>empty(), followUpId);
    }

    /** The item's stored facts and open row, or null when quality never saw it opened. */
    Recording.Item item(long itemId) {
        Recording.Item item = jdbc.query("select agent, team, scenario, product, channel, tier, type, urgency from quality_feedback_item where item_id = ?",
                rs -> {
                    if (!rs.next()) {
                        return null;
                    }
                    Recording.Item i = new Recording.Item(itemId);
                    i.dims = new Dimensions(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
                    i.type = rs.getString(7);
                    i.urgency = rs.getString(8);
                    i.factStored = true;
                    return i;
                }, itemId);
        if (item == null) {
            return null;
        }
        jdbc.query("select response_due_at, resolution_due_at, responded, resolved from quality_open_item where item_id = ?", rs -> {
            item.open = true;
            item.openStored = true;
            item.responseDue = instant(rs.getTimestamp(1));
            item.resolutionDue = instant(rs.getTimestamp(2));
            item.responded = rs.getBoolean(3);
            item.resolved = rs.getBoolean(4);
        }, itemId);
        return item;
    }

    void write(Recording r) {
        List<Recording.RollupKey> keys = new ArrayList<>(r.rollups.keySet());
        keys.sort(Comparator.comparing((Recording.RollupKey k) -> k.day()).thenComparing(k -> k.dims().agent()).thenComparing(k -> k.dims().team())
                .thenComparing(k -> k.dims().scenario()).thenComparing(k -> k.dims().product()).thenComparing(k -> k.dims().channel())
                .thenComparing(k -> k.dims().tier()));
        List<Object[]> rows = new ArrayList<>(keys.size());
        for (Recording.RollupKey k : keys) {
            long[] v = r.rollups.get(k);
            Object[] row = new Object[7 + v.length];
            Dimensions d = k.dims();
            row[0] = Date.valueOf(k.day());
            row[1] = d.agent(); row[2] = d.team(); row[3] = d.scenario(); row[4] = d.product(); row[5] = d.channel(); row[6] = d.tier();
            for (int i = 0; i < v.length; i++) {
                row[7 + i] = v[i];
            }
            rows.add(row);
        }
        batch(upsertRollup, rows);
        batch(upsertDimension, dimensionRows(r));

        batch("insert into quality_follow_up (follow_up_id, agent, team, scenario, tier) values (?, ?, ?, ?, ?)",
                r.newFollowUps.values().stream().map(f -> new Object[] {f.followUpId(), f.agent(), f.team(), f.scenario(), f.tier()}).toList());

        List<Object[]> newFacts = new ArrayList<>();
        List<Object[]> changedFacts = new ArrayList<>();
        List<Object[]> newOpen = new ArrayList<>();
        List<Object[]> changedOpen = new ArrayList<>();
        List<Object[]> closed = new ArrayList<>();
        for (Recording.Item i : r.items.values()) {
            Dimensions d = i.dims;
            if (!i.factStored) {
                newFacts.add(new Object[] {i.id, d.agent(), d.team(), d.scenario(), d.product(), d.channel(), d.tier(), i.type, i.urgency});
            } else if (i.dirty) {
                changedFacts.add(new Object[] {d.team(), i.id});
            }
            if (i.open && !i.openStored) {
                newOpen.add(new Object[] {i.id, d.agent(), d.team(), d.scenario(), d.product(), d.channel(), d.tier(), i.urgency,
                    ts(i.responseDue), ts(i.resolutionDue), i.responded, i.resolved});
            } else if (i.open && i.dirty) {
                changedOpen.add(new Object[] {d.team(), ts(i.responseDue), ts(i.resolutionDue), i.responded, i.resolved, i.id});
            } else if (!i.open && i.openStored) {
                closed.add(new Object[] {i.id});
            }
        }
        batch("insert into quality_feedback_item (item_id, agent, team, scenario, product, channel, tier, type, urgency)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", newFacts);
        batch("update quality_feedback_item set team = ? where item_id = ?", changedFacts);
        batch("insert into quality_open_item (item_id, agent, team, scenario, product, channel, tier, urgency, response_due_at,"
                + " resolution_due_at, responded, resolved) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", newOpen);
        batch("update quality_open_item set team = ?, response_due_at = ?, resolution_due_at = ?, responded = ?, resolved = ?"
                + " where item_id = ?", changedOpen);
        batch("delete from quality_open_item where item_id = ?", closed);

        batch("insert into quality_text_tag (kind, ref_id, on_day, keywords) values (?, ?, ?, ?)", r.tags.stream()
                .map(t -> new Object[] {t.kind(), t.refId(), Date.valueOf(t.day()), truncate(String.join(" ", t.keywords()), 1000)}).toList());
        List<Object[]> hits = new ArrayList<>();
        r.keywordHits.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> e.getValue().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(h -> hits.add(new Object[] {Date.valueOf(e.getKey()), h.getKey(), h.getValue()})));
        batch(upsertKeyword, hits);
    }

    /** Each combination's delta added to its day's row of every single dimension (ALL, AGENT, TEAM, …), in key order. */
    private static List<Object[]> dimensionRows(Recording r) {
        java.util.TreeMap<String, Object[]> rows = new java.util.TreeMap<>();
        r.rollups.forEach((k, v) -> {
            Dimensions d = k.dims();
            String[][] keys = {{"ALL", ""}, {"AGENT", d.agent()}, {"TEAM", d.team()}, {"SCENARIO", d.scenario()}, {"PRODUCT", d.product()},
                {"CHANNEL", d.channel()}, {"TIER", d.tier()}};
            for (String[] dk : keys) {
                Object[] row = rows.computeIfAbsent(k.day() + "|" + dk[0] + "|" + dk[1], x -> {
                    Object[] fresh = new Object[3 + Counter.ALL.length];
                    fresh[0] = Date.valueOf(k.day());
                    fresh[1] = dk[0];
                    fresh[2] = dk[1];
                    for (int i = 0; i < Counter.ALL.length; i++) {
                        fresh[3 + i] = 0L;
                    }
                    return fresh;
                });
                for (int i = 0; i < v.length; i++) {
                    row[3 + i] = (Long) row[3 + i] + v[i];
                }
            }
        });
        return new ArrayList<>(rows.values());
    }

    /** Empties every table of the read model (before a replay of the history). */
    void clear() {
        for (String t : List.of("quality_rollup", "quality_rollup_dim", "quality_follow_up", "quality_feedback_item", "quality_open_item",
                "quality_text_tag", "quality_keyword_day")) {
            jdbc.update("delete from " + t);
        }
    }

    Optional<String> state(String name) {
        return jdbc.query("select state_value from quality_state where name = ?", rs -> rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty(), name);
    }

    void setState(String name, String value) {
        if (jdbc.update("update quality_state set state_value = ? where name = ?", value, name) == 0) {
            jdbc.update("insert into quality_state (name, state_value) values (?, ?)", name, value);
        }
    }

    /** Serialises backfills across nodes: the marker row locked until the transaction ends. */
    void lockState(String name) {
        if (jdbc.update("update quality_state set state_value = state_value where name = ?", name) == 0) {
            jdbc.update("insert into quality_state (name, state_value) values (?, ?)", name, "PENDING");
        }
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
