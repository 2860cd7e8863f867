package com.careloop.feedback;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface FeedbackProgressRepository extends JpaRepository<FeedbackProgress, Long> {

    List<FeedbackProgress> findByFeedbackItemIdOrderByRecordedAtAscIdAsc(Long feedbackItemId);

    /** Which of these Tasklist comments the log holds already: one query for all of them. */
    @Query("select p.commentId from FeedbackProgress p where p.commentId in :commentIds")
    Set<String> findCopiedCommentIds(@Param("commentIds") Collection<String> commentIds);
}
