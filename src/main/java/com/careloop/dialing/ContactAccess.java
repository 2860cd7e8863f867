package com.careloop.dialing;

import java.time.Instant;

/** One audited reveal or dial (a row of contact_access). */
public record ContactAccess(long id, Instant at, String user, Subject subject, String number, String taskId, Long customerId,
                            String adapter, Outcome outcome, String detail) {

    /** What the dial was for: a follow-up's call task or a feedback item's re-visit. */
    public enum Subject { FOLLOW_UP, FEEDBACK }

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
        FAILED
    }
}
