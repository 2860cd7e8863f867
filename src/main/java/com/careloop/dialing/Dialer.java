package com.careloop.dialing;

/**
 * How a call to a customer is placed. Chosen by {@code careloop.dialing.adapter}: {@code reveal} (default: the number
 * goes back to the assignee's browser, who dials it) or {@code http} (click-to-call on a CTI: the number never leaves
 * the server). One bean is active.
 */
public interface Dialer {

    /** The adapter's name, as configured and as answered ({@code adapter}). */
    String name();

    /**
     * Places (or prepares) the call.
     *
     * @return the number for the browser (reveal), or null when the call was placed elsewhere
     * @throws DialFailedException when the call could not be placed
     */
    String dial(DialRequest request);

    /** What a dial carries: who calls, whom, for which task; {@code reference} is the follow-up or feedback number. */
    record DialRequest(String agent, String phone, String taskId, String reference) {}
}
