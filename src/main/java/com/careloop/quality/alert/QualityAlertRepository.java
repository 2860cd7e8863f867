package com.careloop.quality.alert;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface QualityAlertRepository extends JpaRepository<QualityAlert, Long> {

    Optional<QualityAlert> findByNumber(String number);

    Optional<QualityAlert> findByRuleIdAndScopeKeyAndStatus(String ruleId, String scopeKey, QualityAlert.Status status);

    List<QualityAlert> findByStatusOrderByOpenedAtDesc(QualityAlert.Status status);

    List<QualityAlert> findAllByOrderByOpenedAtDesc();

    /** Closed by a person while the metric was still breached, and it has not recovered since. */
    List<QualityAlert> findByRuleIdAndScopeKeyAndStatusAndRecoveredAtIsNull(String ruleId, String scopeKey, QualityAlert.Status status);
}
