package com.careloop.review;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The one writer (and reader) of tables call_review and call_review_score (V22). */
@Component
class ReviewStore {

    private static final String COLUMNS = "id, follow_up_number, agent, team, sample_reason, week_from, status, sampled_at, reviewer,"
            + " reviewed_at, score_percent, original_percent, critical_failed, passed, agent_reason, answered_at, decided_by,"
            + " decision_reason, decided_at";

    private final JdbcTemplate jdbc;

    ReviewStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The follow-ups among {@code ids} that already have a review. */
    Set<Long> reviewedAmong(Collection<Long> ids) {
        Set<Long> found = new HashSet<>();
        List<Long> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += 500) {
            List<Long> chunk = all.subList(i, Math.min(all.size(), i + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            found.addAll(jdbc.queryForList("select follow_up_id from call_review where follow_up_id in (" + marks + ")", Long.class,
                    chunk.toArray()));
        }
        return found;
    }

    /** Per agent, how many calls of the week from {@code weekFrom} were sampled at random so far. */
    Map<String, Integer> randomSampled(LocalDate weekFrom) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        jdbc.query("select agent, count(*) from call_review where week_from = ? and sample_reason = ? group by agent",
                rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                }, weekFrom, Sample.RANDOM);
        return counts;
    }

    /** The current total of the scored reviews among the follow-ups. */
    Map<Long, Double> percentOf(Collection<Long> followUpIds) {
        Map<Long, Double> found = new java.util.HashMap<>();
        List<Long> all = new ArrayList<>(followUpIds);
        for (int i = 0; i < all.size(); i += 500) {
            List<Long> chunk = all.subList(i, Math.min(all.size(), i + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.query("select follow_up_id, score_percent from call_review where score_percent is not null and follow_up_id in ("
                    + marks + ")", rs -> {
                        found.put(rs.getLong(1), rs.getBigDecimal(2).doubleValue());
                    }, chunk.toArray());
        }
        return found;
    }

    /** A new OPEN review of a sampled call; the unique follow_up_id refuses a second one. */
    long insert(Sample s, String team, LocalDate weekFrom, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into call_review (follow_up_id, follow_up_number, agent, team, sample_reason,"
                    + " week_from, status, sampled_at) values (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setLong(1, s.call().followUpId());
            ps.setString(2, s.call().number());
            ps.setString(3, s.call().agent());
            ps.setString(4, team);
            ps.setString(5, s.reason());
            ps.setObject(6, weekFrom);
            ps.setString(7, ReviewStatus.OPEN.name());
            ps.setTimestamp(8, Timestamp.from(now));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    void processInstance(long id, String processInstanceId) {
        jdbc.update("update call_review set process_instance_id = ? where id = ?", processInstanceId, id);
    }

    /** The reviewer's scores: replaces any earlier ones (a retried recording), sets the total and PASSED / FAILED. */
    void scored(long id, String reviewer, Scorecard.Result result, List<ReviewView.Score> scores, Instant now) {
        replaceScores(id, scores);
        jdbc.update("update call_review set reviewer = ?, reviewed_at = ?, score_percent = ?, critical_failed = ?, passed = ?,"
                        + " status = ? where id = ?", reviewer, Timestamp.from(now), BigDecimal.valueOf(result.percent()),
                result.criticalFailed(), result.passed(), (result.passed() ? ReviewStatus.PASSED : ReviewStatus.FAILED).name(), id);
    }

    /** The agent's answer: ACKNOWLEDGED or APPEALED, with the reason (required for an appeal). */
    void answered(long id, ReviewStatus status, String reason, Instant now) {
        jdbc.update("update call_review set status = ?, agent_reason = ?, answered_at = ? where id = ?", status.name(), reason,
                Timestamp.from(now), id);
    }

    /** The manager upholds the result. */
    void upheld(long id, String manager, String reason, Instant now) {
        jdbc.update("update call_review set status = ?, decided_by = ?, decision_reason = ?, decided_at = ? where id = ?",
                ReviewStatus.UPHELD.name(), manager, reason, Timestamp.from(now), id);
    }

    /** The manager amends the scores: the new total replaces the old one, which is kept as original_percent. */
    void amended(long id, String manager, String reason, Scorecard.Result result, List<ReviewView.Score> scores, Instant now) {
        replaceScores(id, scores);
        jdbc.update("update call_review set status = ?, decided_by = ?, decision_reason = ?, decided_at = ?,"
                        + " original_percent = coalesce(original_percent, score_percent), score_percent = ?, critical_failed = ?, passed = ?"
                        + " where id = ?", ReviewStatus.AMENDED.name(), manager, reason, Timestamp.from(now),
                BigDecimal.valueOf(result.percent()), result.criticalFailed(), result.passed(), id);
    }

    private void replaceScores(long id, List<ReviewView.Score> scores) {
        jdbc.update("delete from call_review_score where review_id = ?", id);
        jdbc.batchUpdate("insert into call_review_score (review_id, criterion, label, score, weight, critical, comment)"
                + " values (?, ?, ?, ?, ?, ?, ?)", scores.stream().map(s -> new Object[] {id, s.criterion(), s.label(), s.score(),
                BigDecimal.valueOf(s.weight()), s.critical(), s.comment()}).toList());
    }

    Optional<ReviewView> byId(long id) {
        return list("where id = ?", List.of(id)).stream().findFirst();
    }

    /** Reviews matching the filters (each null = any), newest sample first, at most {@code limit}. */
    List<ReviewView> find(String agent, String team, Instant from, Instant to, ReviewStatus status, int limit) {
        StringBuilder where = new StringBuilder("where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (agent != null) {
            where.append(" and agent = ?");
            args.add(agent);
        }
        if (team != null) {
            where.append(" and team = ?");
            args.add(team);
        }
        if (from != null) {
            where.append(" and sampled_at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            where.append(" and sampled_at < ?");
            args.add(Timestamp.from(to));
        }
        if (status != null) {
            where.append(" and status = ?");
            args.add(status.name());
        }
        where.append(" order by sampled_at desc, id desc limit ").append(limit);
        return list(where.toString(), args);
    }

    /** Scored reviews (reviewed_at in [from, to)): per agent and team, the count and the mean total. */
    List<ReviewFigures.Figure> figures(Instant from, Instant to) {
        return jdbc.query("select agent, team, count(*), avg(score_percent) from call_review where reviewed_at >= ? and reviewed_at < ?"
                        + " and score_percent is not null group by agent, team order by agent, team",
                (rs, i) -> new ReviewFigures.Figure(rs.getString(1), rs.getString(2), rs.getLong(3), round(rs.getDouble(4))),
                Timestamp.from(from), Timestamp.from(to));
    }

    static double round(double v) {
        return Math.round(v * 10.0) / 10.0;
    }

    private List<ReviewView> list(String where, List<Object> args) {
        List<ReviewView> heads = jdbc.query("select " + COLUMNS + " from call_review " + where, (rs, i) -> head(rs), args.toArray());
        if (heads.isEmpty()) {
            return heads;
        }
        Map<Long, List<ReviewView.Score>> scores = new LinkedHashMap<>();
        String marks = String.join(",", java.util.Collections.nCopies(heads.size(), "?"));
        jdbc.query("select review_id, criterion, label, score, weight, critical, comment from call_review_score where review_id in ("
                + marks + ") order by review_id", rs -> {
                    scores.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new ReviewView.Score(rs.getString(2),
                            rs.getString(3), rs.getInt(4), rs.getDouble(5), rs.getBoolean(6), rs.getString(7)));
                }, heads.stream().map(ReviewView::id).toArray());
        return heads.stream().map(h -> withScores(h, scores.getOrDefault(h.id(), List.of()))).toList();
    }

    private static ReviewView withScores(ReviewView h, List<ReviewView.Score> scores) {
        return new ReviewView(h.id(), h.followUpNumber(), h.agent(), h.team(), h.sampleReason(), h.weekFrom(), h.status(), h.sampledAt(),
                h.reviewer(), h.reviewedAt(), h.scorePercent(), h.originalPercent(), h.criticalFailed(), h.passed(), h.agentReason(),
                h.answeredAt(), h.decidedBy(), h.decisionReason(), h.decidedAt(), scores);
    }

    private static ReviewView head(ResultSet rs) throws SQLException {
        return new ReviewView(rs.getLong("id"), rs.getString("follow_up_number"), rs.getString("agent"), rs.getString("team"),
                rs.getString("sample_reason"), rs.getObject("week_from", LocalDate.class), ReviewStatus.valueOf(rs.getString("status")),
                instant(rs, "sampled_at"), rs.getString("reviewer"), instant(rs, "reviewed_at"), decimal(rs, "score_percent"),
                decimal(rs, "original_percent"), bool(rs, "critical_failed"), bool(rs, "passed"), rs.getString("agent_reason"),
                instant(rs, "answered_at"), rs.getString("decided_by"), rs.getString("decision_reason"), instant(rs, "decided_at"),
                List.of());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Double decimal(ResultSet rs, String column) throws SQLException {
        BigDecimal d = rs.getBigDecimal(column);
        return d == null ? null : d.doubleValue();
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean b = rs.getBoolean(column);
        return rs.wasNull() ? null : b;
    }
}
