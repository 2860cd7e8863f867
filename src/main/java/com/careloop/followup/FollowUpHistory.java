package com.careloop.followup;

import com.careloop.customer.CustomerTier;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The follow-up events of rows written before anyone listened (a one-off replay for read models such as quality's):
 * every stored survey answer as {@link SurveyAnswered}, then every closed follow-up as {@link FollowUpClosed}, in
 * the order they were recorded. Streamed, so a million rows do not sit in memory.
 */
@Component
public class FollowUpHistory {

    private static final int FETCH = 5_000;

    private final JdbcTemplate jdbc;

    FollowUpHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public void replay(Consumer<SurveyAnswered> surveys, Consumer<FollowUpClosed> closed) {
        JdbcTemplate streaming = streaming();
        streaming.query("select s.id, s.follow_up_id, s.agent, f.scenario, c.tier, s.answered_at, s.satisfaction, s.nps,"
                + " s.score_attitude, s.score_expertise, s.score_timeliness, s.score_resolution, s.score_convenience, s.purchase_intent,"
                + " s.feedback_text, s.notes, s.channel from survey_response s join follow_up f on f.id = s.follow_up_id"
                + " join customer c on c.id = f.customer_id order by s.answered_at, s.id", rs -> {
                    String text = rs.getString(15);
                    String notes = rs.getString(16);
                    surveys.accept(new SurveyAnswered(rs.getLong(1), rs.getLong(2), rs.getString(3), Scenario.valueOf(rs.getString(4)),
                            CustomerTier.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant(), rs.getInt(7), rs.getInt(8),
                            integer(rs, 9), integer(rs, 10), integer(rs, 11), integer(rs, 12), integer(rs, 13), rs.getBoolean(14),
                            text == null ? notes : notes == null ? text : text + "\n" + notes,
                            rs.getString(17) == null ? AnswerChannel.PHONE : AnswerChannel.valueOf(rs.getString(17))));
                });
        // the reaching call's agent, else the last call's; purchase intent from the survey of a reached follow-up
        streaming.query("select f.id, f.scenario, c.tier, f.closed_at, f.result,"
                + " (select min(a.attempt_no) from call_attempt a where a.follow_up_id = f.id and a.outcome = 'REACHED'),"
                + " coalesce((select a.agent from call_attempt a where a.follow_up_id = f.id and a.outcome = 'REACHED'"
                + "   order by a.attempt_no limit 1), (select a.agent from call_attempt a where a.follow_up_id = f.id"
                + "   order by a.attempt_no desc limit 1), f.last_agent),"
                + " (select s.purchase_intent from survey_response s where s.follow_up_id = f.id)"
                + " from follow_up f join customer c on c.id = f.customer_id where f.status = 'CLOSED' and f.closed_at is not null"
                + " order by f.closed_at, f.id", rs -> {
                    boolean reached = rs.getObject(6) != null;
                    Timestamp at = rs.getTimestamp(4);
                    closed.accept(new FollowUpClosed(rs.getLong(1), rs.getString(7), Scenario.valueOf(rs.getString(2)),
                            CustomerTier.valueOf(rs.getString(3)), at.toInstant(),
                            rs.getString(5) == null ? null : FollowUpResult.valueOf(rs.getString(5)), reached,
                            reached && rs.getBoolean(8)));
                });
    }

    private JdbcTemplate streaming() {
        JdbcTemplate t = new JdbcTemplate(jdbc.getDataSource());
        t.setFetchSize(FETCH);
        return t;
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
