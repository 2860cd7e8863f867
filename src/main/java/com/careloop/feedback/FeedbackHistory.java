package com.careloop.feedback;

import com.careloop.customer.CustomerTier;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The feedback events of items written before anyone listened (a one-off replay for read models such as quality's),
 * item by item in id order, each item's events in their order: opened, routed, responded (first contact = resolved
 * at the instant of the response), resolved (with a sales lead's outcome), closed. What the table keeps is the latest state: one resolution is
 * replayed (with the current resolution deadline), reopenings only as the reopen count of the closing.
 */
@Component
public class FeedbackHistory {

    private static final int FETCH = 5_000;

    private final JdbcTemplate jdbc;

    FeedbackHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public void replay(Consumer<FeedbackEvent> events) {
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(FETCH);
        streaming.query("select i.id, i.number, i.created_at, i.source, i.type, i.urgency, i.follow_up_id, i.revisit_agent, c.tier,"
                + " i.description, i.department, i.response_due_at, i.resolution_due_at, i.responded_at, i.resolved_at, i.closed_at,"
                + " i.result, i.reopen_count, i.channel, i.product_model, i.batch, i.lead_outcome, i.lead_amount, i.paused_minutes from feedback_item i join customer c on c.id = i.customer_id order by i.id", rs -> {
                    long id = rs.getLong(1);
                    Instant created = rs.getTimestamp(3).toInstant();
                    long followUp = rs.getLong(7);
                    boolean fromCall = !rs.wasNull();
                    FeedbackSource source = FeedbackSource.valueOf(rs.getString(4));
                    events.accept(new FeedbackEvent.FeedbackOpened(id, rs.getString(2), created, source,
                            FeedbackType.valueOf(rs.getString(5)), Urgency.valueOf(rs.getString(6)), fromCall ? followUp : null,
                            source == FeedbackSource.FOLLOW_UP_CALL ? rs.getString(8) : null, CustomerTier.valueOf(rs.getString(9)),
                            rs.getString(10), FeedbackChannel.valueOf(rs.getString(19)), rs.getString(20), rs.getString(21)));
                    Instant responseDue = instant(rs.getTimestamp(12));
                    Instant resolutionDue = instant(rs.getTimestamp(13));
                    if (rs.getString(11) != null) {
                        events.accept(new FeedbackEvent.FeedbackRouted(id, created, rs.getString(11), responseDue, resolutionDue));
                    }
                    Instant responded = instant(rs.getTimestamp(14));
                    Instant resolved = instant(rs.getTimestamp(15));
                    if (responded != null) {
                        events.accept(new FeedbackEvent.FeedbackResponded(id, responded, responseDue, responded.equals(resolved)));
                    }
                    if (resolved != null) {
                        events.accept(new FeedbackEvent.FeedbackResolved(id, resolved, resolutionDue, rs.getLong(24)));
                    }
                    if (resolved != null && rs.getString(22) != null) {
                        events.accept(new FeedbackEvent.FeedbackLeadOutcome(id, resolved, LeadOutcome.valueOf(rs.getString(22)), rs.getBigDecimal(23)));
                    }
                    Instant closed = instant(rs.getTimestamp(16));
                    if (closed != null && rs.getString(17) != null) {
                        events.accept(new FeedbackEvent.FeedbackClosed(id, closed, FeedbackResult.valueOf(rs.getString(17)), rs.getInt(18)));
                    }
                });
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
