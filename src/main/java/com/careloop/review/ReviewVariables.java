package com.careloop.review;

/** The keys and variable names of bpmn/callReview.bpmn (processes callReview and callReviewCase) and its forms. */
final class ReviewVariables {

    static final String WEEKLY_PROCESS = "callReview";
    static final String CASE_PROCESS = "callReviewCase";

    static final String TASK_REVIEW = "Task_ReviewCall";
    static final String TASK_ACKNOWLEDGE = "Task_AcknowledgeReview";
    static final String TASK_DECIDE = "Task_DecideAppeal";

    /** callReview: the Monday the sampled week starts (ISO date), whether the run waits for a working day, until when */
    static final String WEEK_FROM = "reviewWeekFrom";
    static final String RUN_ACTION = "runAction";
    static final String RUN_AT = "runAt";
    static final String SAMPLED = "sampledCalls";

    /** callReviewCase: the review (call_review.id), the agent whose call it is, the due dates */
    static final String REVIEW_ID = "reviewId";
    static final String AGENT = "reviewAgent";
    static final String REVIEW_DUE_AT = "reviewDueAt";
    static final String REVIEW_REMINDER_AT = "reviewReminderAt";
    static final String ACKNOWLEDGE_DUE_AT = "acknowledgeDueAt";
    static final String APPEAL_DUE_AT = "appealDueAt";
    static final String APPEAL_REMINDER_AT = "appealReminderAt";
    static final String PASSED = "reviewPassed";
    static final String NOTIFICATION_TYPE = "notificationType";

    /** the forms' fields beside the criteria (Task_AcknowledgeReview, Task_DecideAppeal) */
    static final String AGENT_ANSWER = "agentAnswer";
    static final String APPEAL_REASON = "appealReason";
    static final String APPEAL_DECISION = "appealDecision";
    static final String DECISION_REASON = "decisionReason";

    /** task-local texts of the forms */
    static final String CALL_RECORD = "callRecord";
    static final String REVIEW_SUMMARY = "reviewSummary";

    private ReviewVariables() {
    }
}
