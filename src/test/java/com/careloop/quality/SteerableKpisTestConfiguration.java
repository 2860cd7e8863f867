package com.careloop.quality;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/** Test profile only: the KPI reader every bean gets is {@link SteerableQualityKpis} around the real one. */
@Configuration
@Profile("test")
class SteerableKpisTestConfiguration {

    @Bean
    @Primary
    SteerableQualityKpis steerableQualityKpis(RollupKpis real) {
        return new SteerableQualityKpis(real);
    }
}
