package com.careloop.quality.improvement;

import java.time.LocalDate;

/**
 * The KPI of an improvement target before [beforeFrom, beforeTo) — the same length as the verification period, right
 * before the action started — and after [afterFrom, afterTo) — the verification period from when the owner was done.
 * The target is met when the KPI moved by at least the target delta in its direction (+5 points: after − before ≥ 5;
 * −3 points: after − before ≤ −3); without a figure on either side it is not met.
 */
public record Verification(Double before, Double after, LocalDate beforeFrom, LocalDate beforeTo, LocalDate afterFrom,
                           LocalDate afterTo, double targetDelta) {

    public boolean targetMet() {
        if (before == null || after == null) {
            return false;
        }
        double change = Math.round((after - before) * 10) / 10.0;
        return targetDelta > 0 ? change >= targetDelta : change <= targetDelta;
    }

    public Double change() {
        return before == null || after == null ? null : Math.round((after - before) * 10) / 10.0;
    }
}
