package com.careloop.feedback;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FeedbackItemRepository extends JpaRepository<FeedbackItem, Long> {

    Optional<FeedbackItem> findByNumber(String number);

    Optional<FeedbackItem> findByFollowUpIdAndCallEntry(Long followUpId, String callEntry);

    List<FeedbackItem> findByFollowUpIdOrderById(Long followUpId);
}
