package com.careloop.followup;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SurveyResponseRepository extends JpaRepository<SurveyResponse, Long> {

    Optional<SurveyResponse> findByFollowUpId(Long followUpId);
}
