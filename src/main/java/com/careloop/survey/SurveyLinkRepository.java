package com.careloop.survey;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SurveyLinkRepository extends JpaRepository<SurveyLink, Long> {

    Optional<SurveyLink> findByTokenHash(String tokenHash);

    boolean existsByCustomerIdAndCreatedAtAfter(Long customerId, java.time.Instant after);
}
