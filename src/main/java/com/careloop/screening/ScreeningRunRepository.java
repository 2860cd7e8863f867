package com.careloop.screening;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ScreeningRunRepository extends JpaRepository<ScreeningRun, Long> {

    /** The latest runs first (index ix_screening_run_started). */
    List<ScreeningRun> findByOrderByStartedAtDescIdDesc(Pageable page);
}
