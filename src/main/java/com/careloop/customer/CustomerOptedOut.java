package com.careloop.customer;

import java.time.Instant;

/**
 * A customer refused to be contacted, published in the transaction that recorded it and only when the refusal is new
 * (refusing twice publishes once): follow-up calls ({@link Refused#CALLS}: the customer's optOut flag set through
 * POST /api/customers, the CSV import or an erase request, by {@link CustomerWriter} and {@link CustomerService}), or
 * texts ({@link Refused#TEXTS}: a TD/退订 reply, recorded by the survey module's TextOptOuts). Ids and the source only;
 * no contact data, no free text.
 *
 * @param source API, IMPORT or ERASE for calls; e.g. SMS_REPLY:TD for texts
 */
public record CustomerOptedOut(long customerId, String externalId, Refused refused, String source, Instant at) {

    /** What the customer refused. */
    public enum Refused {
        CALLS,
        TEXTS
    }

    public static final String API = "API";
    public static final String IMPORT = "IMPORT";
    public static final String ERASE = "ERASE";
}
