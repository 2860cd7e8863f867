package com.careloop.review;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The one writer (and reader) of tables case_review and case_review_case (V23). */
@Component
class CaseReviewStore {

    private final JdbcTemplate jdbc;

    CaseReviewStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(LocalDate weekFrom, String team) {
        return jdbc.queryForObject("select count(*) from case_review where week_from = ? and team = ?", Long.class, weekFrom, team) > 0;
    }

    long insert(LocalDate weekFrom, String team, List<CaseReviewView.Case> cases, List<Long> followUpIds, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into case_review (week_from, team, status, opened_at) values (?, ?, 'OPEN', ?)",
                    new String[] {"id"});
            ps.setObject(1, weekFrom);
            ps.setString(2, team);
            ps.setTimestamp(3, Timestamp.from(now));
            return ps;
        }, key);
        long id = key.getKey().longValue();
        for (int i = 0; i < cases.size(); i++) {
            CaseReviewView.Case c = cases.get(i);
            jdbc.update("insert into case_review_case (case_review_id, follow_up_id, follow_up_number, agent, kind, place, case_score)"
                    + " values (?, ?, ?, ?, ?, ?, ?)", id, followUpIds.get(i), c.followUpNumber(), c.agent(), c.kind(), c.place(),
                    BigDecimal.valueOf(c.caseScore()));
        }
        return id;
    }

    void closed(long id, String conclusions, String by, Instant now) {
        jdbc.update("update case_review set status = 'CLOSED', conclusions = ?, closed_by = ?, closed_at = ? where id = ?",
                conclusions, by, Timestamp.from(now), id);
    }

    Optional<CaseReviewView> byId(long id) {
        List<CaseReviewView.Case> cases = jdbc.query("select follow_up_number, agent, kind, place, case_score from case_review_case"
                        + " where case_review_id = ? order by kind, place", (rs, i) -> new CaseReviewView.Case(rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getInt(4), rs.getDouble(5)), id);
        return jdbc.query("select id, week_from, team, status, opened_at, conclusions, closed_by, closed_at from case_review where id = ?",
                (rs, i) -> new CaseReviewView(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(), cases), id).stream().findFirst();
    }
}
