package com.careloop.followup;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Read-only counts of follow-up calls (call attempts, whatever their outcome) for the quality reports. */
@Component
public class CallCounts {

    private final EntityManager em;

    public CallCounts(EntityManager em) {
        this.em = em;
    }

    /** Call attempts made in [from, to). */
    @Transactional(readOnly = true)
    public long total(Instant from, Instant to) {
        return em.createQuery("select count(a) from CallAttempt a where a.calledAt >= :from and a.calledAt < :to", Long.class)
                .setParameter("from", from).setParameter("to", to).getSingleResult();
    }

    /** Call attempts made in [from, to) per agent (sorted by id; attempts without an agent left out). */
    @Transactional(readOnly = true)
    public Map<String, Long> byAgent(Instant from, Instant to) {
        List<Object[]> rows = em.createQuery("select a.agent, count(a) from CallAttempt a where a.agent is not null"
                        + " and a.calledAt >= :from and a.calledAt < :to group by a.agent", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList();
        Map<String, Long> counts = new TreeMap<>();
        for (Object[] row : rows) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }
}
