package com.careloop.screening;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ScreeningRunRepository extends JpaRepository<ScreeningRun, Long> {
}
