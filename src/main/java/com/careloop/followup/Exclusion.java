package com.careloop.followup;

/**
 * Why a follow-up is not opened for a customer, in the order they are checked. One list for every way a follow-up
 * is opened (POST /api/follow-ups, campaigns, screening runs): see {@link FollowUpExclusions}.
 */
public enum Exclusion {
    /** The customer opted out of follow-up calls: never called (a change of consent is made on the customer record). */
    OPTED_OUT(false),
    /** A wrong number is on file: the contact data must be corrected first (a cs-manager may override). */
    CONTACT_INVALID(true),
    /** The customer has an open follow-up: one at a time (a unique index), never overridden. */
    OPEN_FOLLOW_UP(false),
    /** Refused or reached inside the cooling period ({@code screening.coolingPeriod} of bpmn/serviceParameters.dmn); a cs-manager may override. */
    COOLING_PERIOD(true),
    /** A follow-up for the same customer, scenario and period exists already (screening and campaigns only). */
    DUPLICATE_PERIOD(false);

    private final boolean overridable;

    Exclusion(boolean overridable) {
        this.overridable = overridable;
    }

    /** Whether a cs-manager's override (with a recorded reason) lifts it. */
    public boolean overridable() {
        return overridable;
    }
}
