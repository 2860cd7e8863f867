package com.careloop.feedback;

import com.careloop.engine.FormInput;
import java.time.ZoneId;
import java.util.List;
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

    /**
     * The resolve form. A sales lead also records its {@link LeadOutcome} ({@code leadOutcome}; the amount of a won
     * lead {@code leadAmount} &gt; 0, the reason of a lost one {@code leadLostReason}), from which its handling outcome
     * follows (WON: CONVERTED, else NOT_CONVERTED). REST clients of before may still send salesOutcome alone.
     */
    public record Resolution(HandlingOutcome handlingOutcome, String solution, Compensation compensation, LeadOutcome leadOutcome,
                             java.math.BigDecimal leadAmount, String leadLostReason) {

        /** The resolve form's select for sales leads of before the lead outcome (still read from REST clients). */
        public static final String SALES_OUTCOME = "salesOutcome";
        public static final String LEAD_OUTCOME = "leadOutcome";
        public static final String LEAD_AMOUNT = "leadAmount";
        public static final String LEAD_LOST_REASON = "leadLostReason";
        /** the largest amount a won lead may carry (numeric(14, 2)) */
        static final java.math.BigDecimal MAX_AMOUNT = new java.math.BigDecimal("999999999999.99");

        /**
         * The outcome must fit the item's type: a sales lead ends 已成交 / 未成交 (from leadOutcome, or salesOutcome /
         * handlingOutcome from a REST client), every other type 已解决 / 不予处理 (handlingOutcome).
         */
        public static Resolution read(VariableScope vars, ZoneId zone) {
            FormInput in = new FormInput(vars, zone);
            FeedbackType type = typeOf(vars.getVariable(FeedbackVariables.FEEDBACK_TYPE));
            boolean salesLead = type == FeedbackType.SALES_LEAD;
            boolean salesField = given(vars, SALES_OUTCOME);
            LeadOutcome lead = in.optionalEnum(LEAD_OUTCOME, LeadOutcome.class);
            HandlingOutcome outcome;
            String field;
            if (salesLead && lead != null) {
                outcome = lead.handlingOutcome();
                field = LEAD_OUTCOME;
                for (String other : List.of(SALES_OUTCOME, FeedbackVariables.HANDLING_OUTCOME)) {
                    HandlingOutcome sent = given(vars, other) ? in.optionalEnum(other, HandlingOutcome.class) : null;
                    if (sent != null && sent != outcome) {
                        in.error(other, "与销售线索结果不符 does not agree with leadOutcome " + lead + " (" + outcome + ")");
                    }
                }
            } else {
                field = salesLead && salesField ? SALES_OUTCOME : FeedbackVariables.HANDLING_OUTCOME;
                outcome = in.requiredEnum(field, HandlingOutcome.class);
            }
            String solution = in.text("solution", 2000, true);
            Compensation compensation = in.optionalEnum("compensation", Compensation.class);
            if (!salesLead) {
                for (String f : List.of(SALES_OUTCOME, LEAD_OUTCOME, LEAD_AMOUNT, LEAD_LOST_REASON)) {
                    if (given(vars, f)) {
                        in.error(f, "只用于销售线索 only for sales leads");
                    }
                }
            }
            java.math.BigDecimal amount = null;
            String lostReason = null;
            if (salesLead) {
                amount = amount(in, vars, lead == LeadOutcome.WON);
                lostReason = in.text(LEAD_LOST_REASON, 500, lead == LeadOutcome.LOST);
                if (amount != null && lead != LeadOutcome.WON) {
                    in.error(LEAD_AMOUNT, "只用于已成交 only for a WON lead");
                }
                if (lostReason != null && lead != LeadOutcome.LOST) {
                    in.error(LEAD_LOST_REASON, "只用于已流失 only for a LOST lead");
                }
            }
            if (outcome != null && type != null && !outcome.fits(type)) {
                in.error(field, "“" + outcome.label() + "”不适用于" + type.label() + " does not fit this type; allowed: "
                        + HandlingOutcome.allowedFor(type).stream().map(o -> o.name() + " " + o.label()).toList());
            }
            in.validate();
            return new Resolution(outcome, solution, compensation == null ? Compensation.NONE : compensation, lead, amount, lostReason);
        }

        private static boolean given(VariableScope vars, String key) {
            Object v = vars.getVariable(key);
            return v != null && !v.toString().isBlank();
        }

        /** The amount of a won lead: a number &gt; 0 with at most two decimals. */
        private static java.math.BigDecimal amount(FormInput in, VariableScope vars, boolean required) {
            Object raw = vars.getVariable(LEAD_AMOUNT);
            if (raw == null || raw.toString().isBlank()) {
                if (required) {
                    in.error(LEAD_AMOUNT, "成交金额必填 is required for a WON lead");
                }
                return null;
            }
            java.math.BigDecimal a;
            try {
                a = new java.math.BigDecimal(raw.toString().trim());
            } catch (NumberFormatException e) {
                in.error(LEAD_AMOUNT, "必须是金额 must be an amount like 12800.00");
                return null;
            }
            if (a.signum() <= 0 || a.compareTo(MAX_AMOUNT) > 0 || a.stripTrailingZeros().scale() > 2) {
                in.error(LEAD_AMOUNT, "必须大于 0，最多两位小数 must be greater than 0 with at most two decimals");
                return null;
            }
            return a.setScale(2, java.math.RoundingMode.UNNECESSARY);
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
