package com.careloop.followup;

/** How a follow-up surveys the customer: the {@code channel} output of bpmn/surveyChannel.dmn. */
public enum SurveyMode {
    /** an agent calls (the call task) */
    PHONE,
    /** a survey link by text first; the call when it is not answered within the decision's waitHours (working time) */
    SMS_THEN_PHONE,
    /** the survey text alone: unanswered within waitHours, the follow-up closes as unreachable */
    SMS_ONLY;

    public boolean texts() {
        return this != PHONE;
    }
}
