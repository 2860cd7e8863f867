package com.careloop.quality.improvement;

/** Process variables of improvementAction: ids, dates and figures the timers, gateways and forms read. */
public final class ImprovementVariables {

    public static final String PROCESS_KEY = "improvementAction";
    public static final String TASK_CARRY_OUT = "Task_CarryOutImprovement";
    public static final String TASK_REVIEW = "Task_ReviewImprovement";

    public static final String NUMBER = "improvementNumber";
    public static final String OWNER_TEAM = "ownerTeam";
    public static final String DEADLINE = "deadline";
    public static final String DEADLINE_AT = "deadlineAt";
    public static final String REMINDER_AT = "reminderAt";
    public static final String VERIFICATION_DUE = "verificationDue";
    public static final String TARGET_LABEL = "targetLabel";
    public static final String STARTED_BY = "startedBy";
    /** inputs of Task_RegisterImprovementAction (element properties a designer edits) */
    public static final String INPUT_REMINDER_FRACTION = "reminderFraction";
    public static final String INPUT_CYCLE_LENGTH = "cycleLength";
    /** the reminder fraction the registration read, reused when a reopened action gets its new deadline */
    public static final String REMINDER_FRACTION = "reminderPoint";
    public static final String PERIOD_DAYS = "verificationPeriodDays";
    public static final String KPI_BEFORE = "kpiBefore";
    public static final String KPI_AFTER = "kpiAfter";
    public static final String TARGET_MET = "targetMet";
    public static final String VERDICT_LABEL = "verdictLabel";
    /** form fields */
    public static final String DONE_NOTES = "doneNotes";
    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String NEW_DEADLINE = "newDeadline";
    public static final String NOTIFICATION_TYPE = "notificationType";

    private ImprovementVariables() {
    }
}
