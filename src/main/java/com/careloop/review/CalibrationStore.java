package com.careloop.review;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The one writer (and reader) of tables call_calibration, call_calibration_scorer and call_calibration_score (V24). */
@Component
class CalibrationStore {

    /** a calibration's row as stored */
    record Head(long id, long followUpId, String followUpNumber, String agent, String startedBy, Instant startedAt, String status,
                Instant completedAt) {}

    /** a scorer's row with the scores (empty before submitting) */
    record ScorerRow(String scorer, boolean reference, Instant submittedAt, Double percent, Map<String, Integer> scores,
                     Map<String, String> comments) {}

    private final JdbcTemplate jdbc;

    CalibrationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long followUpId, String number, String agent, String startedBy, List<String> scorers, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into call_calibration (follow_up_id, follow_up_number, agent, started_by, started_at,"
                    + " status) values (?, ?, ?, ?, ?, 'OPEN')", new String[] {"id"});
            ps.setLong(1, followUpId);
            ps.setString(2, number);
            ps.setString(3, agent);
            ps.setString(4, startedBy);
            ps.setTimestamp(5, Timestamp.from(now));
            return ps;
        }, key);
        long id = key.getKey().longValue();
        for (String s : scorers) {
            jdbc.update("insert into call_calibration_scorer (calibration_id, scorer, reference) values (?, ?, false)", id, s);
        }
        return id;
    }

    /** Stores a submitted score: the scorer's row (the manager's reference row is added); false when already submitted. */
    boolean submit(long id, String scorer, boolean reference, Scorecard.Result result, Map<String, Integer> scores,
                   Map<String, String> comments, Instant now) {
        if (reference) {
            if (jdbc.queryForObject("select count(*) from call_calibration_scorer where calibration_id = ? and scorer = ?", Long.class,
                    id, scorer) > 0) {
                return false;
            }
            jdbc.update("insert into call_calibration_scorer (calibration_id, scorer, reference) values (?, ?, true)", id, scorer);
        }
        int updated = jdbc.update("update call_calibration_scorer set submitted_at = ?, score_percent = ? where calibration_id = ?"
                + " and scorer = ? and submitted_at is null", Timestamp.from(now), BigDecimal.valueOf(result.percent()), id, scorer);
        if (updated == 0) {
            return false;
        }
        scores.forEach((criterion, score) -> jdbc.update("insert into call_calibration_score (calibration_id, scorer, criterion, score,"
                + " comment) values (?, ?, ?, ?, ?)", id, scorer, criterion, score, comments.get(criterion)));
        return true;
    }

    /** Marks the calibration COMPLETE once every named supervisor has submitted; true when it is complete now. */
    boolean completeIfAllSubmitted(long id, Instant now) {
        long waiting = jdbc.queryForObject("select count(*) from call_calibration_scorer where calibration_id = ? and reference = false"
                + " and submitted_at is null", Long.class, id);
        if (waiting > 0) {
            return false;
        }
        jdbc.update("update call_calibration set status = 'COMPLETE', completed_at = ? where id = ? and status = 'OPEN'",
                Timestamp.from(now), id);
        return true;
    }

    Optional<Head> head(long id) {
        return jdbc.query("select id, follow_up_id, follow_up_number, agent, started_by, started_at, status, completed_at from call_calibration"
                        + " where id = ?", (rs, i) -> new Head(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()),
                id).stream().findFirst();
    }

    List<ScorerRow> scorers(long id) {
        Map<String, Map<String, Integer>> scores = new LinkedHashMap<>();
        Map<String, Map<String, String>> comments = new LinkedHashMap<>();
        jdbc.query("select scorer, criterion, score, comment from call_calibration_score where calibration_id = ? order by scorer", rs -> {
            scores.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getInt(3));
            if (rs.getString(4) != null) {
                comments.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(4));
            }
        }, id);
        List<ScorerRow> rows = new ArrayList<>();
        jdbc.query("select scorer, reference, submitted_at, score_percent from call_calibration_scorer where calibration_id = ?"
                + " order by reference, scorer", rs -> {
                    BigDecimal p = rs.getBigDecimal(4);
                    rows.add(new ScorerRow(rs.getString(1), rs.getBoolean(2), rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(),
                            p == null ? null : p.doubleValue(), scores.getOrDefault(rs.getString(1), Map.of()),
                            comments.getOrDefault(rs.getString(1), Map.of())));
                }, id);
        return rows;
    }
}
