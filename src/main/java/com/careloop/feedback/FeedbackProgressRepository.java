package com.careloop.feedback;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FeedbackProgressRepository extends JpaRepository<FeedbackProgress, Long> {

    List<FeedbackProgress> findByFeedbackItemIdOrderByRecordedAtAscIdAsc(Long feedbackItemId);

    boolean existsByCommentId(String commentId);
}
