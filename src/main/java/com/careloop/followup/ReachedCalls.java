package com.careloop.followup;

import com.careloop.feedback.FeedbackRef;
import com.careloop.feedback.FeedbackService;
import com.careloop.feedback.FeedbackType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read side for supervising the calls (module review, issue 15): the reached follow-up calls of a period with who
 * made them, the customer's scores, whether the call raised a complaint and whether the customer said the earlier
 * issue is not resolved. No personal data (no names, numbers, free text).
 */
@Service
public class ReachedCalls {

    /**
     * One reached call. {@code complaint}: the call reported a complaint (any of its issues). {@code issueResolved}:
     * the customer's answer to "is the earlier issue resolved?" (null when not asked).
     */
    public record ReachedCall(long followUpId, String number, String agent, Scenario scenario, Instant answeredAt,
                              int satisfaction, int nps, boolean complaint, Boolean issueResolved) {}

    private static final String SELECT = "select f.id, f.number, s.agent, f.scenario, s.answered_at, s.satisfaction, s.nps,"
            + " s.feedback_type, s.issue_resolved from survey_response s join follow_up f on f.id = s.follow_up_id";

    private final JdbcTemplate jdbc;
    private final FeedbackService feedback;

    public ReachedCalls(JdbcTemplate jdbc, FeedbackService feedback) {
        this.jdbc = jdbc;
        this.feedback = feedback;
    }

    /** The calls answered in [from, to) that name their agent, oldest first. */
    @Transactional(readOnly = true)
    public List<ReachedCall> answeredBetween(Instant from, Instant to) {
        return withComplaints(jdbc.query(SELECT + " where s.answered_at >= ? and s.answered_at < ? and s.agent is not null"
                + " order by s.answered_at, f.id", row(), Timestamp.from(from), Timestamp.from(to)));
    }

    /** The reached call of a follow-up, if it was reached. */
    @Transactional(readOnly = true)
    public Optional<ReachedCall> ofFollowUp(long followUpId) {
        return withComplaints(jdbc.query(SELECT + " where f.id = ?", row(), followUpId)).stream().findFirst();
    }

    private RowMapper<ReachedCall> row() {
        return (rs, i) -> {
            long id = rs.getLong(1);
            boolean complaint = FeedbackType.COMPLAINT.name().equals(rs.getString(8));
            Object resolved = rs.getObject(9);
            return new ReachedCall(id, rs.getString(2), rs.getString(3), Scenario.valueOf(rs.getString(4)),
                    rs.getTimestamp(5).toInstant(), rs.getInt(6), rs.getInt(7), complaint, resolved == null ? null : rs.getBoolean(9));
        };
    }

    /** Read first, then asked: the call's complaint may be one of its later issues (the survey row keeps the first). */
    private List<ReachedCall> withComplaints(List<ReachedCall> calls) {
        return calls.stream().map(c -> c.complaint() || !raisedComplaint(c.followUpId()) ? c
                : new ReachedCall(c.followUpId(), c.number(), c.agent(), c.scenario(), c.answeredAt(), c.satisfaction(), c.nps(),
                        true, c.issueResolved())).toList();
    }

    /** A later issue of the call (not the survey's first one) may be the complaint: asked through its module. */
    private boolean raisedComplaint(long followUpId) {
        return feedback.ofFollowUp(followUpId).stream().map(FeedbackRef::type).anyMatch(FeedbackType.COMPLAINT::equals);
    }
}
