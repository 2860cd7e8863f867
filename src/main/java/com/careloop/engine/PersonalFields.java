package com.careloop.engine;

import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The one list of form fields and process variables that carry free text about a person or a person's name.
 * Their values belong in CareLoop's tables only: the recording delegates move them there and remove the variables
 * ({@link #removeFrom}), and the history level and history event filter (package config) keep them out of every
 * history table — variable instances and details and the form-property details of a submitted form alike.
 * Add a field here when a form gets one; nothing else needs to change. A task's name may name the customer too
 * (CallTaskContext): history keeps the name the model gives the task instead ({@code PrivacyHistoryEventHandler}).
 */
public final class PersonalFields {

    /**
     * The call task's context (CallTaskContext): list columns and form text. Labels and the call script are not
     * personal, but context only: not kept in history either. Part of {@link #isPersonal} and {@link #removeFrom}.
     */
    public static final Set<String> CALL_TASK_CONTEXT = Set.of(
            "customerPhoneMasked", "scenarioLabel", "tierLabel", "callScript", "followUpNumber");

    public static final Set<String> NAMES = Set.of(
            // callCustomer form
            "feedbackText", "notes", "tags", "issues", "issue2Text", "issue3Text", "issue4Text",
            // feedback forms (respondToCustomer, resolveFeedback, confirmResolution, managerReview: notes)
            "responsePlan", "solution", "leadLostReason",
            // registerFeedback start form (bpmn/feedbackRegistration.bpmn): contact, the customer's words, why urgency was lowered
            "contactName", "contactPhone", "description", "urgencyOverrideReason",
            // verifyFeedback form: why an item is not genuine
            "invalidReason",
            // task context shown in the forms (FeedbackTaskContext, CallTaskContext, CallContext)
            "customerName", "lastContacts", "callContext",
            // feedback task context (FeedbackTaskContext): the customer's words, progress log, plan, solution
            "customerWords", "progressLog", "plannedResponse", "solutionToConfirm",
            // call reviews (module review, bpmn/callReviewCase.bpmn): the call record and the review shown in the forms, the
            // reviewer's comments per criterion of bpmn/callReviewScorecard.dmn, the agent's and the manager's reasons
            "callRecord", "reviewSummary", "appealReason", "decisionReason", "greetingComment", "consentComment",
            "questionsComment", "confirmationComment", "empathyComment", "closingComment", "recordComment",
            // the weekly case review (Task_PrepareCaseReview of bpmn/callReview.bpmn): the cases and the meeting's conclusions
            "caseList", "caseConclusions",
            // detractor call-back (followup DetractorCallBackContext): the customer's answer by survey link with their comment
            "surveyAnswer");

    private PersonalFields() {
    }

    public static boolean isPersonal(String name) {
        return name != null && (NAMES.contains(name) || CALL_TASK_CONTEXT.contains(name));
    }

    /** Removes every personal variable from the scope (and the scopes above it); absent ones are ignored. */
    public static void removeFrom(VariableScope scope) {
        for (String name : NAMES) {
            scope.removeVariable(name);
        }
        for (String name : CALL_TASK_CONTEXT) {
            scope.removeVariable(name);
        }
    }
}
