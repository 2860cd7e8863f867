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

    public static final Set<String> NAMES = Set.of(
            // callCustomer form ("issues": the dynamic list of reported issues, each with the customer's own words)
            "feedbackText", "notes", "tags", "issues",
            // feedback forms (respondToCustomer, resolveFeedback, confirmResolution, managerReview: notes)
            "responsePlan", "solution",
            // task context shown in the forms and as Tasklist list columns (FeedbackTaskContext, CallTaskContext, CallContext);
            // labels and the call script are not personal, but context only: not kept either
            "customerName", "customerPhoneMasked", "scenarioLabel", "tierLabel", "lastContacts", "callContext", "callScript",
            "followUpNumber",
            // feedback task context (FeedbackTaskContext): the customer's words, progress log, plan, solution
            "customerWords", "progressLog", "plannedResponse", "solutionToConfirm");

    private PersonalFields() {
    }

    public static boolean isPersonal(String name) {
        return name != null && NAMES.contains(name);
    }

    /** Removes every personal variable from the scope (and the scopes above it); absent ones are ignored. */
    public static void removeFrom(VariableScope scope) {
        for (String name : NAMES) {
            scope.removeVariable(name);
        }
    }
}
