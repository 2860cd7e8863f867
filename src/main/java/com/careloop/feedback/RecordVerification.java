package com.careloop.feedback;

import com.careloop.engine.CompletedBy;
import com.careloop.engine.FormInput;
import com.careloop.engine.PersonalFields;
import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the verify form (初步核实): VALID — handling goes on; INVALID (with {@code invalidReason}) — closed as
 * CLOSED_INVALID, the customer is told by the next notification task; DUPLICATE (with {@code duplicateOf}, an open
 * item of the same customer) — closed as MERGED, linked to that item, whose progress log gets this item's words.
 * A bad submission is a 400 naming the field (the form's submit fails, nothing changes). Runs again harmlessly: an
 * item already verified keeps its verification.
 */
@Component("recordVerification")
class RecordVerification implements JavaDelegate {

    static final String INVALID_REASON = "invalidReason";
    static final String DUPLICATE_OF = "duplicateOf";

    private final FeedbackService feedback;
    private final Clock clock;

    RecordVerification(FeedbackService feedback, Clock clock) {
        this.feedback = feedback;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FeedbackItem item = feedback.itemOf(execution);
        String by = (String) execution.getVariable(CompletedBy.VARIABLE);
        FormInput in = new FormInput(execution, clock.getZone());
        Verification verification = in.requiredEnum(FeedbackVariables.VERIFICATION, Verification.class);
        String reason = verification == Verification.INVALID ? in.text(INVALID_REASON, 500, true) : null;
        FeedbackItem target = null;
        if (verification == Verification.DUPLICATE) {
            String number = in.text(DUPLICATE_OF, 32, true);
            if (number != null) {
                target = feedback.find(number.strip().toUpperCase()).orElse(null);
                if (target == null) {
                    in.error(DUPLICATE_OF, "没有这个反馈编号 no feedback item " + number);
                } else if (target.getId().equals(item.getId())) {
                    in.error(DUPLICATE_OF, "不能合并到自身 cannot be merged into itself");
                } else if (!target.getCustomerId().equals(item.getCustomerId())) {
                    in.error(DUPLICATE_OF, "属于另一位客户 belongs to another customer");
                } else if (!target.getStatus().open()) {
                    in.error(DUPLICATE_OF, "已结案，不能合并 is closed (" + target.getStatus() + ")");
                }
            }
        }
        in.validate();
        Instant now = clock.instant();
        if (item.getVerification() == null) {
            switch (verification) {
                case VALID -> {
                    item.verifiedValid();
                    feedback.log(item, by, ProgressKind.VERIFIED, "核实有效 Verified as genuine");
                }
                case INVALID -> {
                    item.closeInvalid(reason, now);
                    feedback.log(item, by, ProgressKind.VERIFIED, "核实无效 Invalid: " + reason);
                    feedback.publish(new FeedbackEvent.FeedbackClosed(item.getId(), now, FeedbackResult.INVALID, item.getReopenCount()));
                }
                case DUPLICATE -> {
                    item.mergeInto(target.getNumber(), now);
                    feedback.log(item, by, ProgressKind.MERGED, "重复，合并至 Duplicate, merged into " + target.getNumber());
                    feedback.log(target, by, ProgressKind.MERGED, "合并 Merged " + item.getNumber() + "（"
                            + item.getChannel().label() + "）: " + item.getDescription());
                    feedback.publish(new FeedbackEvent.FeedbackClosed(item.getId(), now, FeedbackResult.MERGED, item.getReopenCount()));
                }
            }
        }
        execution.setVariable(FeedbackVariables.VERIFICATION, item.getVerification().name());
        execution.removeVariable(DUPLICATE_OF);
        PersonalFields.removeFrom(execution);
    }
}
