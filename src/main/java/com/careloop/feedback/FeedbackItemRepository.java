package com.careloop.feedback;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface FeedbackItemRepository extends JpaRepository<FeedbackItem, Long> {

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
