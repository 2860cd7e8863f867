package com.careloop.quality;

import java.time.LocalDate;

/**
 * Test-only: the application's KPI reader, unless a test steers it to figures of its own (alert and improvement
 * tests, whose subject is what happens at given figures; the KPI definitions have their own tests). Registered for the
 * test profile by {@link SteerableKpisTestConfiguration}, so every test shares one application context (a second
 * context in the JVM would register a second engine named "default" and confuse the engine REST API).
 */
public class SteerableQualityKpis implements QualityKpis {

    private final QualityKpis real;
    private volatile QualityKpis steered;

    SteerableQualityKpis(QualityKpis real) {
        this.real = real;
    }

    /** From now on reports come from {@code figures} (until {@link #reset()}). */
    public void steer(QualityKpis figures) {
        this.steered = figures;
    }

    public void reset() {
        this.steered = null;
    }

    @Override
    public KpiReport report(LocalDate from, LocalDate to, KpiGrouping groupBy, String agent, String team) {
        QualityKpis s = steered;
        return (s != null ? s : real).report(from, to, groupBy, agent, team);
    }

    @Override
    public KpiReport report(LocalDate from, LocalDate to, KpiGrouping groupBy, String agent, String team, String channel) {
        QualityKpis s = steered;
        return (s != null ? s : real).report(from, to, groupBy, agent, team, channel);
    }
}
