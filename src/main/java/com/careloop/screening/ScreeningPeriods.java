package com.careloop.screening;

import com.careloop.followup.Scenario;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The period a follow-up belongs to, per scenario: at most one follow-up per customer, scenario and period
 * (a unique index), so reruns and concurrent runs cannot call a customer twice for the same reason.
 */
public final class ScreeningPeriods {

    private ScreeningPeriods() {
    }

    public static String periodKey(Scenario scenario, LocalDate asOf, ZoneId zone, Instant firstPurchase, Instant lastPurchase,
                                   Instant lastResolved) {
        return switch (scenario) {
            // one re-visit per resolution, per first purchase, per purchase
            case POST_RESOLUTION -> "R" + day(lastResolved, zone, asOf);
            case NEW_PURCHASE -> "F" + day(firstPurchase, zone, asOf);
            case USAGE -> "P" + day(lastPurchase, zone, asOf);
            // monthly VIP care, quarterly churn-risk call
            case VIP_CARE -> "M" + asOf.getYear() + "-" + String.format("%02d", asOf.getMonthValue());
            case CHURN_RISK -> "Q" + asOf.getYear() + "-" + ((asOf.getMonthValue() - 1) / 3 + 1);
            case PROMOTION -> "D" + asOf;
        };
    }

    /** A campaign calls each customer once per campaign name. */
    public static String campaignKey(String campaignName) {
        String key = "C" + campaignName.strip();
        return key.length() > 64 ? key.substring(0, 64) : key;
    }

    private static String day(Instant at, ZoneId zone, LocalDate fallback) {
        return (at == null ? fallback : at.atZone(zone).toLocalDate()).toString();
    }
}
