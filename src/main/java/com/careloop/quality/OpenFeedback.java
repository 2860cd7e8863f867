package com.careloop.quality;

/**
 * Feedback items open now, from quality's open-items read model (the figures behind {@code backlog} and
 * {@code overdue}), for rules that need a cut the KPI report does not make, such as "any urgent item overdue".
 */
public interface OpenFeedback {

    /**
     * @param urgency null for every urgency, else URGENT, NORMAL or LOW
     * @param team    null for every team, else the routed department (candidate group)
     * @return open items past their response or resolution deadline now
     */
    long overdue(String urgency, String team);

    /** Open items now, with the same filters. */
    long open(String urgency, String team);
}
