package com.careloop.dialing;

import java.time.Instant;

/**
 * One audited access to a customer's contact data (a row of contact_access): a reveal or dial of a follow-up's or
 * feedback item's customer, or an unmasked read or an erase of a customer ({@link Subject#CUSTOMER}, {@code number} =
 * the customer's externalId, adapter {@value ContactAccessAudit#API}).
 */
public record ContactAccess(long id, Instant at, String user, Subject subject, String number, String taskId, Long customerId,
                            String adapter, Outcome outcome, String detail) {

    /** What the access was for: a follow-up's call task, a feedback item's re-visit, or the customer record itself. */
    public enum Subject { FOLLOW_UP, FEEDBACK, CUSTOMER }

    public enum Outcome {
        /** the number went to the assignee (reveal). */
        REVEALED,
        /** the CTI placed the call (http). */
        DIALED,
        /** the caller is not the task's assignee. */
        REFUSED_NOT_ASSIGNEE,
        /** no open call / re-visit task. */
        REFUSED_NO_OPEN_TASK,
        /** no number on file. */
        NO_NUMBER,
        /** the CTI refused or did not answer. */
        FAILED,
        /** GET /api/customers/{id} answered phone and e-mail unmasked; detail says why (MANAGER, ASSIGNEE). */
        READ,
        /** an erase request anonymised the customer's personal data. */
        ERASED
    }
}
