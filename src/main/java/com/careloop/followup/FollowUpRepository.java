package com.careloop.followup;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface FollowUpRepository extends JpaRepository<FollowUp, Long> {

    Optional<FollowUp> findByNumber(String number);

    List<FollowUp> findByCustomerIdOrderByCreatedAtDesc(Long customerId);

    Optional<FollowUp> findFirstByCustomerIdAndStatus(Long customerId, FollowUpStatus status);

    /** What the survey channel is decided on, without loading the entity (it is being started: see DecideSurveyChannel). */
    interface ChannelFacts {
        Long getId();
        Long getCustomerId();
        Scenario getScenario();
    }

    // JPQL strings, not derived queries: Hibernate 6.6 translates a derived query anew on every call, and this one runs
    // in every follow-up start (as FeedbackItemRepository.findByNumber, measured in scripts/bench-sla.sh)
    @org.springframework.data.jpa.repository.Query(
            "select f.id as id, f.customerId as customerId, f.scenario as scenario from FollowUp f where f.number = :number")
    Optional<ChannelFacts> findChannelFactsByNumber(String number);

    /** Records the channel by one UPDATE of that column only (the row's process id is written by SQL in the same start). */
    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("update FollowUp f set f.surveyChannel = :channel where f.id = :id")
    int recordSurveyChannel(@org.springframework.data.repository.query.Param("id") Long id,
                            @org.springframework.data.repository.query.Param("channel") SurveyMode channel);

}
