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

        /** The resolve form's select for sales leads (shown instead of handlingOutcome when the item is one). */
        public static final String SALES_OUTCOME = "salesOutcome";

        /**
         * The outcome must fit the item's type: a sales lead ends 已成交 / 未成交 (form field salesOutcome, or
         * handlingOutcome from a REST client), every other type 已解决 / 不予处理 (handlingOutcome).
         */
        public static Resolution read(VariableScope vars, ZoneId zone) {
            FormInput in = new FormInput(vars, zone);
            FeedbackType type = typeOf(vars.getVariable(FeedbackVariables.FEEDBACK_TYPE));
            boolean salesLead = type == FeedbackType.SALES_LEAD;
            boolean salesField = vars.getVariable(SALES_OUTCOME) != null && !"".equals(vars.getVariable(SALES_OUTCOME));
            String field = salesLead && salesField ? SALES_OUTCOME : FeedbackVariables.HANDLING_OUTCOME;
            HandlingOutcome outcome = in.requiredEnum(field, HandlingOutcome.class);
            String solution = in.text("solution", 2000, true);
            Compensation compensation = in.optionalEnum("compensation", Compensation.class);
            if (!salesLead && salesField) {
                in.error(SALES_OUTCOME, "只用于销售线索 only for sales leads");
            }
            if (outcome != null && type != null && !outcome.fits(type)) {
                in.error(field, "“" + outcome.label() + "”不适用于" + type.label() + " does not fit this type; allowed: "
                        + HandlingOutcome.allowedFor(type).stream().map(o -> o.name() + " " + o.label()).toList());
            }
            in.validate();
            return new Resolution(outcome, solution, compensation == null ? Compensation.NONE : compensation);
        }

        private static FeedbackType typeOf(Object type) {
            if (type == null) {
                return null;
            }
            try {
                return FeedbackType.valueOf(type.toString());
            } catch (IllegalArgumentException e) {
                return null;
            }
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
