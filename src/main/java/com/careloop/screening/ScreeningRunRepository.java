package com.careloop.screening;

import org.springframework.data.jpa.repository.JpaRepository;

interface ScreeningRunRepository extends JpaRepository<ScreeningRun, Long> {
}
