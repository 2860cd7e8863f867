package com.careloop.feedback;

/** The process variables of the feedback module's models that its Java classes read or write: one constant each. */
public final class FeedbackVariables {

    /** re-visit calls made so far. */
    public static final String REVISIT_ATTEMPTS = "revisitAttempts";

    /** RESPONSE or RESOLUTION: which deadline a timer or notification is about. */
    public static final String SLA_STAGE = "slaStage";

    /** response deadline (Date), set by routing. */
    public static final String RESPONSE_DUE = "responseDue";

    /** resolution deadline (Date), set by routing and reopening. */
    public static final String RESOLUTION_DUE = "resolutionDue";

    /** when the response reminder fires (Date). */
    public static final String RESPONSE_REMINDER_AT = "responseReminderAt";

    /** when the resolution reminder fires (Date). */
    public static final String RESOLUTION_REMINDER_AT = "resolutionReminderAt";

    /** the item's type, input of the routing table. */
    public static final String FEEDBACK_TYPE = "feedbackType";

    /** the item's urgency, input of the routing table. */
    public static final String FEEDBACK_URGENCY = "feedbackUrgency";

    /** when an unreached customer is called again (Date). */
    public static final String RETRY_AT = "retryAt";

    /** how often the item was reopened. */
    public static final String REOPEN_COUNT = "reopenCount";

    /** form field: free-text notes (personal, never kept in history). */
    public static final String NOTES = "notes";

    /** form field: the outcome of responding / resolving. */
    public static final String HANDLING_OUTCOME = "handlingOutcome";

    /** when the closure re-visit is due (Date). */
    public static final String CONFIRM_DUE = "confirmDue";

    /** form field of the re-visit call: its outcome. */
    public static final String CALL_OUTCOME = "callOutcome";

    /** the owning team, from the routing table. */
    public static final String CANDIDATE_GROUP = "candidateGroup";

    /** who calls the customer for the re-visit. */
    public static final String REVISIT_GROUP = "revisitGroup";

    /** the agent who made the original call, if any. */
    public static final String REVISIT_AGENT = "revisitAgent";

    /** whether the item needs a closure re-visit. */
    public static final String REVISIT_REQUIRED = "revisitRequired";

    /** the resolution SLA (ISO duration) from the routing table. */
    public static final String RESOLUTION_SLA = "resolutionSla";

    /** WALL or WORKING: how the SLAs are counted. */
    public static final String SLA_CLOCK = "slaClock";

    /** whether the item is urgent (notifications by SMS too). */
    public static final String URGENT = "urgent";

    /** form field of the manager review. */
    public static final String MANAGER_DECISION = "managerDecision";

    /** how the item was closed. */
    public static final String FEEDBACK_RESULT = "feedbackResult";

    /** the routing table's result. */
    public static final String ROUTING = "routing";

    /** which notification a notification task sends (URGENT_ASSIGNED, SLA_REMINDER, SLA_ESCALATION). */
    public static final String NOTIFICATION_TYPE = "notificationType";

    /** form field of the re-visit: whether the customer is satisfied. */
    public static final String CUSTOMER_SATISFIED = "customerSatisfied";

    /** form field: overall satisfaction 1-5. */
    public static final String SATISFACTION = "satisfaction";

    /** Camunda priority of the item's tasks, from its urgency (rows feedback.taskPriority.* of serviceParameters). */
    public static final String TASK_PRIORITY = "taskPriority";

    /** Whether the item is verified first (Task_VerifyFeedback): inbound items not yet verified. */
    public static final String VERIFICATION_REQUIRED = "verificationRequired";

    /** Verification due (1 working hour, feedback.verifySla of serviceParameters) and its reminder. */
    public static final String VERIFY_DUE = "verifyDue";

    public static final String VERIFY_REMINDER_AT = "verifyReminderAt";

    /** The verify form's outcome: VALID, INVALID, DUPLICATE. */
    public static final String VERIFICATION = "verification";

    /** who gets the resolve task: the responder (routing output resolveBy = RESPONDER), else null (the group claims it). */
    public static final String RESOLVE_ASSIGNEE = "resolveAssignee";

    private FeedbackVariables() {
    }

    /** when the customer gets a progress notice before the resolution deadline (Timer_ProgressNotice). */
    public static final String PROGRESS_NOTICE_AT = "progressNoticeAt";
    /** whether the progress notice goes out (none in the quiet period before): set by checkProgressNotice. */
    public static final String PROGRESS_NOTICE_DUE = "progressNoticeDue";
    /** when a running SLA pause notifies the supervisors (Timer_LongPause), set on each pause. */
    public static final String LONG_PAUSE_NOTICE_AT = "longPauseNoticeAt";
}
