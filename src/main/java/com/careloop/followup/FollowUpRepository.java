package com.careloop.followup;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface FollowUpRepository extends JpaRepository<FollowUp, Long> {

    Optional<FollowUp> findByNumber(String number);

    List<FollowUp> findByCustomerIdOrderByCreatedAtDesc(Long customerId);

    Optional<FollowUp> findFirstByCustomerIdAndStatus(Long customerId, FollowUpStatus status);
}
