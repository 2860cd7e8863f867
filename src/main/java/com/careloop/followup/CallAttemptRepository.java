package com.careloop.followup;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CallAttemptRepository extends JpaRepository<CallAttempt, Long> {

    List<CallAttempt> findByFollowUpIdOrderByAttemptNo(Long followUpId);

    Optional<CallAttempt> findByFollowUpIdAndAttemptNo(Long followUpId, int attemptNo);

    /** The customer's latest call attempts over all their follow-ups. */
    @org.springframework.data.jpa.repository.Query("select a from CallAttempt a, FollowUp f where f.id = a.followUpId"
            + " and f.customer.id = :customerId order by a.calledAt desc")
    List<CallAttempt> latestOfCustomer(@org.springframework.data.repository.query.Param("customerId") Long customerId,
                                       org.springframework.data.domain.Pageable page);
}
