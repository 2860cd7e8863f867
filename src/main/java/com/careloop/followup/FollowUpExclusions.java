package com.careloop.followup;

import com.careloop.sla.ServiceParameters;
import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import org.springframework.stereotype.Component;

/**
 * The exclusions of every way a follow-up is opened, as SQL over {@code customer c}: screening filters and counts its
 * candidates with them (set-based, millions of rows), and {@link FollowUpService#open} checks each customer with the
 * same expressions when it opens their follow-up (manual starts, campaign and screening chunks alike).
 */
@Component
public class FollowUpExclusions {

    /** The customer has an open follow-up. */
    public static final String OPEN = "exists (select 1 from follow_up f where f.customer_id = c.id and f.status = 'OPEN')";

    /** Refused or reached inside the cooling period; two parameters: the cooling period's start, twice. Null-safe false. */
    public static final String COOLING = "(c.refused_at >= ? or c.last_follow_up_at >= ?)";

    /**
     * None of the exclusions applies; two parameters: the cooling period's start, twice. Written out null-safe (not
     * as "not COOLING", which is unknown for a customer never refused or reached).
     */
    public static final String ELIGIBLE = "c.opt_out = false and c.contact_invalid = false"
            + " and (c.refused_at is null or c.refused_at < ?) and (c.last_follow_up_at is null or c.last_follow_up_at < ?)"
            + " and not " + OPEN;

    private final ServiceParameters parameters;

    public FollowUpExclusions(ServiceParameters parameters) {
        this.parameters = parameters;
    }

    /** {@code screening.coolingPeriod} of bpmn/serviceParameters.dmn: no second call (or a call after a refusal) within it. */
    public Duration coolingPeriod() {
        return parameters.coolingPeriod();
    }

    /** The parameter of {@link #COOLING} and {@link #ELIGIBLE} at {@code now}. */
    public Timestamp coolingStart(Instant now) {
        return Timestamp.from(now.minus(coolingPeriod()));
    }
}
