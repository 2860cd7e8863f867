package com.careloop.survey;

import org.springframework.data.jpa.repository.JpaRepository;

interface SmsOptOutRepository extends JpaRepository<SmsOptOut, Long> {
}
