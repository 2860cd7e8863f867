package com.careloop.survey;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SurveyLinkRepository extends JpaRepository<SurveyLink, Long> {

    Optional<SurveyLink> findByTokenHash(String tokenHash);

    /** A JPQL string (translated once; a derived query is translated on every call, and this runs in every follow-up start). */
    @org.springframework.data.jpa.repository.Query(
            "select count(l) > 0 from SurveyLink l where l.customerId = :customerId and l.createdAt > :after")
    boolean existsByCustomerIdAndCreatedAtAfter(Long customerId, java.time.Instant after);
}
