package com.careloop.quality.improvement;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ImprovementActionRepository extends JpaRepository<ImprovementAction, Long> {

    Optional<ImprovementAction> findByNumber(String number);
}
