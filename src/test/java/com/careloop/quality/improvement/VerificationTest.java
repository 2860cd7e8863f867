package com.careloop.quality.improvement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The verdict of an improvement target: the KPI moved by at least the target delta in its direction. */
class VerificationTest {

    static final LocalDate D = LocalDate.of(2026, 11, 2);

    static Verification v(Double before, Double after, double delta) {
        return new Verification(before, after, D.minusDays(7), D, D.plusDays(3), D.plusDays(10), delta);
    }

    @Test
    void anIncreaseTargetIsMetFromExactlyTheDelta() {
        assertThat(v(75.0, 80.0, 5).targetMet()).isTrue();
        assertThat(v(75.0, 79.9, 5).targetMet()).isFalse();
        assertThat(v(75.0, 90.0, 5).targetMet()).isTrue();
        assertThat(v(75.0, 70.0, 5).targetMet()).isFalse();
        assertThat(v(70.1, 75.1, 5).targetMet()).as("no binary rounding noise: 75.1 - 70.1 is 5.0").isTrue();
    }

    @Test
    void aDecreaseTargetIsMetWhenTheKpiFellFarEnough() {
        assertThat(v(12.0, 9.0, -3).targetMet()).isTrue();
        assertThat(v(12.0, 10.0, -3).targetMet()).isFalse();
        assertThat(v(12.0, 15.0, -3).targetMet()).isFalse();
    }

    @Test
    void withoutAFigureOnEitherSideTheTargetIsNotMet() {
        assertThat(v(null, 90.0, 5).targetMet()).isFalse();
        assertThat(v(75.0, null, 5).targetMet()).isFalse();
        assertThat(v(null, null, -3).change()).isNull();
        assertThat(v(75.0, 81.5, 5).change()).isEqualTo(6.5);
    }
}
