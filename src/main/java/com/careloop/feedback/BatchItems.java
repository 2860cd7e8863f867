package com.careloop.feedback;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbound items of one product model and batch, for module incident (batch-quality incidents), and the progress
 * entry an item gets when it is linked to an incident. Items closed as invalid or merged do not count.
 */
@Service
public class BatchItems {

    /** One item of a batch: what the investigation lists. */
    public record Item(long id, String number, FeedbackType type, Urgency urgency, FeedbackStatus status, Instant createdAt) {}

    @PersistenceContext
    private EntityManager em;
    private final FeedbackProgressRepository progress;
    private final Clock clock;

    BatchItems(FeedbackProgressRepository progress, Clock clock) {
        this.progress = progress;
        this.clock = clock;
    }

    /** Inbound items of the model and batch of the given types registered at or after {@code since}, oldest first. */
    @Transactional(readOnly = true)
    public List<Item> matching(String productModel, String batch, Collection<FeedbackType> types, Instant since) {
        if (types.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select i from FeedbackItem i where i.productModel = :model and i.batch = :batch"
                        + " and i.source = :inbound and i.type in :types and i.createdAt >= :since"
                        + " and i.status not in :notCounted order by i.createdAt, i.id", FeedbackItem.class)
                .setParameter("model", productModel).setParameter("batch", batch).setParameter("inbound", FeedbackSource.INBOUND)
                .setParameter("types", types).setParameter("since", since)
                .setParameter("notCounted", List.of(FeedbackStatus.CLOSED_INVALID, FeedbackStatus.MERGED))
                .getResultList().stream()
                .map(i -> new Item(i.getId(), i.getNumber(), i.getType(), i.getUrgency(), i.getStatus(), i.getCreatedAt())).toList();
    }

    /** The items with these ids (any status), oldest first: an incident's linked items. */
    @Transactional(readOnly = true)
    public List<Item> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select i from FeedbackItem i where i.id in :ids order by i.createdAt, i.id", FeedbackItem.class)
                .setParameter("ids", ids).getResultList().stream()
                .map(i -> new Item(i.getId(), i.getNumber(), i.getType(), i.getUrgency(), i.getStatus(), i.getCreatedAt())).toList();
    }

    /** The progress entry "已关联批次质量事件 Linked to batch incident" on an item (its urgency stays as it is). */
    @Transactional
    public void linkedToIncident(long itemId, String incidentNumber) {
        progress.save(new FeedbackProgress(itemId, clock.instant(), null, ProgressKind.COMMENT,
                "已关联批次质量事件 Linked to batch incident " + incidentNumber, null));
    }
}
