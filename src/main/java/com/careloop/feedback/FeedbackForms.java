package com.careloop.feedback;

import com.careloop.engine.FormInput;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The feedback-handling forms, read and checked on the server (a REST client bypasses the Camunda Form). */
public final class FeedbackForms {

    private FeedbackForms() {
    }

    public record Response(boolean contactMade, String responsePlan, boolean resolvedOnFirstContact) {
        public static Response read(VariableScope vars, ZoneId zone) {
            FormInput in = new FormInput(vars, zone);
            Response r = new Response(in.bool("contactMade"), in.text("responsePlan", 2000, true), in.bool("resolvedOnFirstContact"));
            in.validate();
            return r;
        }
    }

    public record Resolution(HandlingOutcome handlingOutcome, String solution, Compensation compensation) {
        public static Resolution read(VariableScope vars, ZoneId zone) {
            FormInput in = new FormInput(vars, zone);
            HandlingOutcome outcome = in.requiredEnum("handlingOutcome", HandlingOutcome.class);
            String solution = in.text("solution", 2000, true);
            Compensation compensation = in.optionalEnum("compensation", Compensation.class);
            Object type = vars.getVariable(FeedbackVariables.FEEDBACK_TYPE);
            boolean salesLead = FeedbackType.SALES_LEAD.name().equals(type);
            if (outcome != null && salesLead != (outcome == HandlingOutcome.CONVERTED || outcome == HandlingOutcome.NOT_CONVERTED)) {
                in.error("handlingOutcome", salesLead
                        ? "a sales lead ends CONVERTED or NOT_CONVERTED"
                        : "must be RESOLVED or REJECTED (CONVERTED / NOT_CONVERTED are for sales leads)");
            }
            in.validate();
            return new Resolution(outcome, solution, compensation == null ? Compensation.NONE : compensation);
        }
    }

    public record Confirmation(RevisitOutcome callOutcome, boolean customerSatisfied, Integer satisfaction, String notes) {
        public static Confirmation read(VariableScope vars, ZoneId zone) {
            FormInput in = new FormInput(vars, zone);
            RevisitOutcome outcome = in.requiredEnum("callOutcome", RevisitOutcome.class);
            boolean satisfied = false;
            Integer satisfaction = null;
            if (outcome == RevisitOutcome.REACHED) {
                satisfied = in.bool("customerSatisfied");
                satisfaction = in.requiredInt("satisfaction", 1, 5);
            }
            String notes = in.text("notes", 2000, false);
            in.validate();
            return new Confirmation(outcome, satisfied, satisfaction, notes);
        }
    }

    public record ManagerReview(ManagerDecision managerDecision, Compensation compensation, String notes) {
        public static ManagerReview read(VariableScope vars, ZoneId zone) {
            FormInput in = new FormInput(vars, zone);
            ManagerDecision decision = in.requiredEnum("managerDecision", ManagerDecision.class);
            Compensation compensation = in.optionalEnum("compensation", Compensation.class);
            String notes = in.text("notes", 2000, true);
            if (decision == ManagerDecision.CLOSE_WITH_COMPENSATION && (compensation == null || compensation == Compensation.NONE)) {
                in.error("compensation", "is required when closing with compensation");
            }
            in.validate();
            return new ManagerReview(decision, compensation == null ? Compensation.NONE : compensation, notes);
        }
    }
}
