package com.careloop.followup;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CallAttemptRepository extends JpaRepository<CallAttempt, Long> {

    List<CallAttempt> findByFollowUpIdOrderByAttemptNo(Long followUpId);

    Optional<CallAttempt> findByFollowUpIdAndAttemptNo(Long followUpId, int attemptNo);
}
