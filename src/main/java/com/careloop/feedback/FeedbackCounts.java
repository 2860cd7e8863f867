package com.careloop.feedback;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only counts of feedback items for the quality reports: items opened in a period by type, and what each agent's
 * calls raised (complaints, sales leads, converted leads). Attributed by the time the event was recorded: opened by
 * {@code created_at}, converted by {@code closed_at}; an item raised on a call is credited to the agent who made the
 * call (kept on the item as its re-visit agent).
 */
@Component
public class FeedbackCounts {

    private final EntityManager em;

    public FeedbackCounts(EntityManager em) {
        this.em = em;
    }

    /** Items opened in [from, to), per type; every type present (0 when none). */
    @Transactional(readOnly = true)
    public Map<FeedbackType, Long> openedByType(Instant from, Instant to) {
        Map<FeedbackType, Long> counts = new EnumMap<>(FeedbackType.class);
        for (FeedbackType t : FeedbackType.values()) {
            counts.put(t, 0L);
        }
        List<Object[]> rows = em.createQuery("select f.type, count(f) from FeedbackItem f"
                        + " where f.createdAt >= :from and f.createdAt < :to group by f.type", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList();
        for (Object[] row : rows) {
            counts.put((FeedbackType) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** What one agent's calls raised in a period. */
    public record AgentFeedback(long complaints, long leads, long conversions) {
    }

    /**
     * Per agent (sorted by id): complaints and sales leads raised on the agent's calls in [from, to), and sales leads
     * closed as converted in [from, to).
     */
    @Transactional(readOnly = true)
    public Map<String, AgentFeedback> raisedOnCallsByAgent(Instant from, Instant to) {
        Map<String, long[]> counts = new TreeMap<>();
        List<Object[]> raised = em.createQuery("select f.revisitAgent, f.type, count(f) from FeedbackItem f"
                        + " where f.source = :call and f.revisitAgent is not null and f.type in :types"
                        + " and f.createdAt >= :from and f.createdAt < :to group by f.revisitAgent, f.type", Object[].class)
                .setParameter("call", FeedbackSource.FOLLOW_UP_CALL)
                .setParameter("types", List.of(FeedbackType.COMPLAINT, FeedbackType.SALES_LEAD))
                .setParameter("from", from).setParameter("to", to).getResultList();
        for (Object[] row : raised) {
            long[] c = counts.computeIfAbsent((String) row[0], k -> new long[3]);
            c[row[1] == FeedbackType.COMPLAINT ? 0 : 1] += (Long) row[2];
        }
        List<Object[]> converted = em.createQuery("select f.revisitAgent, count(f) from FeedbackItem f"
                        + " where f.source = :call and f.revisitAgent is not null and f.type = :lead and f.result = :converted"
                        + " and f.closedAt >= :from and f.closedAt < :to group by f.revisitAgent", Object[].class)
                .setParameter("call", FeedbackSource.FOLLOW_UP_CALL).setParameter("lead", FeedbackType.SALES_LEAD)
                .setParameter("converted", FeedbackResult.CONVERTED)
                .setParameter("from", from).setParameter("to", to).getResultList();
        for (Object[] row : converted) {
            counts.computeIfAbsent((String) row[0], k -> new long[3])[2] += (Long) row[1];
        }
        Map<String, AgentFeedback> result = new TreeMap<>();
        counts.forEach((agent, c) -> result.put(agent, new AgentFeedback(c[0], c[1], c[2])));
        return result;
    }
}
