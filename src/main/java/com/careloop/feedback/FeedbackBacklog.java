package com.careloop.feedback;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read side of the open feedback items for other modules (quality alerts): how many open items of one urgency are
 * past a deadline now — the response deadline while not responded, or the resolution deadline while not resolved —
 * per owner group.
 */
@Service
public class FeedbackBacklog {

    private final EntityManager em;
    private final Clock clock;

    public FeedbackBacklog(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Owner group (department; "" when not routed yet) -> open items of this urgency past a deadline now. */
    @Transactional(readOnly = true)
    public Map<String, Long> overdueOpenByDepartment(Urgency urgency) {
        List<Object[]> rows = em.createQuery("""
                        select i.department, count(i) from FeedbackItem i
                        where i.status <> :closed and i.urgency = :urgency
                          and ((i.respondedAt is null and i.responseDueAt < :now)
                            or (i.resolvedAt is null and i.resolutionDueAt < :now))
                        group by i.department""", Object[].class)
                .setParameter("closed", FeedbackStatus.CLOSED)
                .setParameter("urgency", urgency)
                .setParameter("now", clock.instant())
                .getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : rows) {
            counts.merge(row[0] == null ? "" : (String) row[0], ((Number) row[1]).longValue(), Long::sum);
        }
        return counts;
    }
}
