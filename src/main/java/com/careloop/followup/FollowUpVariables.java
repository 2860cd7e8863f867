package com.careloop.followup;

/** The process variables of the followup module's models that its Java classes read or write: one constant each. */
public final class FollowUpVariables {

    /** the agent who must make the call (VIP account agent); absent: the agents pool. */
    public static final String ASSIGNED_AGENT = "assignedAgent";

    /** calls made so far. */
    public static final String ATTEMPT_COUNT = "attemptCount";

    /** when the call is due (Date): the task's due date. */
    public static final String CALL_DUE = "callDue";

    /** form field: the outcome of the call. */
    public static final String CALL_OUTCOME = "callOutcome";

    /** form field: when the customer asked to be called back. */
    public static final String CALLBACK_AT = "callbackAt";

    /** when the call-back timer fires (Date). */
    public static final String CALLBACK_DUE = "callbackDue";

    /** the feedback items the call raised, one handling each. */
    public static final String FEEDBACK_ITEM_IDS = "feedbackItemIds";

    /** the follow-up's row id (checked against the business key). */
    public static final String FOLLOW_UP_ID = "followUpId";

    /** how the follow-up was closed. */
    public static final String FOLLOW_UP_RESULT = "followUpResult";

    /** the call task's priority, from the scenario policy. */
    public static final String PRIORITY = "priority";

    /** when an unreached customer is called again (Date). */
    public static final String RETRY_AT = "retryAt";

    /** how the follow-up surveys the customer (bpmn/surveyChannel.dmn): PHONE, SMS_THEN_PHONE, SMS_ONLY. */
    public static final String SURVEY_CHANNEL = "surveyChannel";

    /** how many working hours the survey text waits for an answer before the call (bpmn/surveyChannel.dmn). */
    public static final String SURVEY_WAIT_HOURS = "surveyWaitHours";

    /** an appointment text goes before the call (bpmn/surveyChannel.dmn appointmentText); set only when true. */
    public static final String APPOINTMENT_TEXT = "appointmentText";

    /** when the call an appointment text announced is planned (Date, followup/PlanAppointment). */
    public static final String APPOINTMENT_AT = "appointmentAt";

    /** the answer by link calls for an agent's call-back (detractor, or the customer asked for a call). */
    public static final String SURVEY_CALL_BACK = "surveyCallBack";

    /** when the call-back task is due (Date): bpmn/serviceParameters.dmn survey.callBackWithin after the answer. */
    public static final String SURVEY_CALL_BACK_DUE = "surveyCallBackDue";

    private FollowUpVariables() {
    }
}
