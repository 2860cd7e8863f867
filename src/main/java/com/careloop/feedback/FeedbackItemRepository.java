package com.careloop.feedback;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface FeedbackItemRepository extends JpaRepository<FeedbackItem, Long> {

    /**
     * A JPQL string, not a derived query: Hibernate 6.6 caches the SQL it translates a query string into, but
     * translates a derived (criteria) query again on every call — this lookup runs in every step of every
     * feedbackHandling instance (scripts/bench-sla.sh: an eighth of the escalation job threads' CPU).
     */
    @Query("select f from FeedbackItem f where f.number = :number")
    Optional<FeedbackItem> findByNumber(String number);

    Optional<FeedbackItem> findByFollowUpIdAndCallEntry(Long followUpId, String callEntry);

    List<FeedbackItem> findByFollowUpIdOrderById(Long followUpId);

    long countByCustomerIdAndSerialNumberAndCreatedAtGreaterThanEqual(Long customerId, String serialNumber, java.time.Instant since);

    long countByCustomerIdAndProductModelAndCreatedAtGreaterThanEqual(Long customerId, String productModel, java.time.Instant since);

    boolean existsBySerialNumberAndCustomerIdNot(String serialNumber, Long customerId);

    Optional<FeedbackItem> findFirstByCustomerIdAndSerialNumberAndIdNotAndStatusNotInAndCreatedAtGreaterThanEqualOrderByCreatedAtDesc(
            Long customerId, String serialNumber, Long id, java.util.Collection<FeedbackStatus> closed, java.time.Instant since);

    Optional<FeedbackItem> findFirstByCustomerIdAndProductModelAndIdNotAndStatusNotInAndCreatedAtGreaterThanEqualOrderByCreatedAtDesc(
            Long customerId, String productModel, Long id, java.util.Collection<FeedbackStatus> closed, java.time.Instant since);
}
