package com.careloop.followup;

import com.careloop.feedback.Urgency;
import com.careloop.engine.FormInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The callCustomer form, read and checked on the server. The reported issues are {@code issues}: the form's issue 1
 * (feedbackType, feedbackUrgency, feedbackText — the single-issue fields REST clients send), its groups 2 to
 * {@value CallIssue#FORM_GROUPS} ({@code issue2Type} …), then every entry of the list {@link CallIssue#FIELD}; {@code feedbackType} / {@code feedbackUrgency} / {@code feedbackText}
 * are the first of them (the survey row keeps it).
 */
public record CallReport(
        CallOutcome callOutcome, Instant callbackAt,
        Integer satisfaction, Integer nps,
        Integer scoreAttitude, Integer scoreExpertise, Integer scoreTimeliness, Integer scoreResolution, Integer scoreConvenience,
        Boolean issueResolved, CallFeedbackType feedbackType, Urgency feedbackUrgency, String feedbackText,
        boolean purchaseIntent, String notes, String tags, List<CallIssue> issues) {

    /** Survey fields: stored in survey_response, not needed by the process afterwards. */
    public static final String[] SURVEY_FIELDS = {"satisfaction", "nps", "scoreAttitude", "scoreExpertise", "scoreTimeliness",
            "scoreResolution", "scoreConvenience", "issueResolved", "feedbackType", "feedbackUrgency", "purchaseIntent", "callbackAt",
            CallIssue.FIELD, "issue2Type", "issue2Urgency", "issue3Type", "issue3Urgency", "issue4Type", "issue4Urgency"};

    static final Duration MAX_CALLBACK_DELAY = Duration.ofDays(60);

    /** Reads and checks the submitted fields; throws a FormFieldValidationException naming every bad field. */
    public static CallReport read(VariableScope vars, Clock clock) {
        FormInput in = new FormInput(vars, clock.getZone());
        CallOutcome outcome = in.requiredEnum("callOutcome", CallOutcome.class);
        Instant callbackAt = null;
        if (outcome == CallOutcome.CALL_BACK_LATER) {
            callbackAt = in.dateTime("callbackAt", true);
            Instant now = clock.instant();
            if (callbackAt != null && !callbackAt.isAfter(now)) {
                in.error("callbackAt", "must be in the future");
            } else if (callbackAt != null && callbackAt.isAfter(now.plus(MAX_CALLBACK_DELAY))) {
                in.error("callbackAt", "must be within " + MAX_CALLBACK_DELAY.toDays() + " days");
            }
        }
        if (outcome != CallOutcome.REACHED) {
            String notes = in.text("notes", 2000, false);
            in.validate();
            return new CallReport(outcome, callbackAt, null, null, null, null, null, null, null,
                    null, CallFeedbackType.NONE, null, null, false, notes, null, List.of());
        }
        Integer satisfaction = in.requiredInt("satisfaction", 1, 5);
        Integer nps = in.requiredInt("nps", 0, 10);
        Integer attitude = in.optionalInt("scoreAttitude", 1, 5);
        Integer expertise = in.optionalInt("scoreExpertise", 1, 5);
        Integer timeliness = in.optionalInt("scoreTimeliness", 1, 5);
        Integer resolution = in.optionalInt("scoreResolution", 1, 5);
        Integer convenience = in.optionalInt("scoreConvenience", 1, 5);
        Boolean issueResolved = in.optionalBool("issueResolved");
        CallFeedbackType type = in.optionalEnum("feedbackType", CallFeedbackType.class);
        if (type == null) {
            type = CallFeedbackType.NONE;
        }
        Urgency urgency = null;
        String text = null;
        if (type != CallFeedbackType.NONE) {
            urgency = in.optionalEnum("feedbackUrgency", Urgency.class);
            if (urgency == null) {
                urgency = Urgency.NORMAL;
            }
            text = in.text("feedbackText", 2000, true);
        }
        List<CallIssue> issues = new ArrayList<>();
        if (type != CallFeedbackType.NONE && text != null) {
            issues.add(new CallIssue(type, urgency, text));
        }
        issues.addAll(CallIssue.readGroups(in));
        issues.addAll(CallIssue.read(in, vars.getVariable(CallIssue.FIELD)));
        boolean purchaseIntent = in.bool("purchaseIntent");
        String notes = in.text("notes", 2000, false);
        String tags = in.text("tags", 500, false);
        in.validate();
        CallIssue first = issues.isEmpty() ? null : issues.get(0);
        return new CallReport(outcome, null, satisfaction, nps, attitude, expertise, timeliness, resolution, convenience,
                issueResolved, first == null ? CallFeedbackType.NONE : first.type(), first == null ? null : first.urgency(),
                first == null ? null : first.description(), purchaseIntent, notes, tags, List.copyOf(issues));
    }

    /** Whether the customer complained (in any reported issue). */
    public boolean complained() {
        return issues.stream().anyMatch(i -> i.type() == CallFeedbackType.COMPLAINT);
    }

    /** A detractor: overall satisfaction of 2 or less, or an NPS of 6 or less. */
    public boolean isDetractor() {
        return callOutcome == CallOutcome.REACHED
                && ((satisfaction != null && satisfaction <= 2) || (nps != null && nps <= 6));
    }
}
