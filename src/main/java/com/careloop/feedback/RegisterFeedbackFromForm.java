package com.careloop.feedback;

import com.careloop.engine.FormInput;
import com.careloop.engine.PersonalFields;
import com.careloop.errors.InvalidRequestException;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterFeedback of bpmn/feedbackRegistration.bpmn: the start form "登记反馈 Register feedback" registered
 * through the same path as {@code POST /api/feedback} ({@link FeedbackService#registerInbound}, checked by
 * {@link InboundRegister}); a refused field is a form error naming it (the start is rolled back: nothing written).
 * The item's number becomes the business key and {@code feedbackNumber}; the personal fields leave the process.
 */
@Component("registerFeedbackFromForm")
class RegisterFeedbackFromForm implements JavaDelegate {

    static final String REGISTERED_BY = "registeredBy";
    static final String FEEDBACK_NUMBER = "feedbackNumber";
    static final String SUMMARY = "registrationSummary";

    private final FeedbackService feedback;
    private final Clock clock;

    RegisterFeedbackFromForm(FeedbackService feedback, Clock clock) {
        this.feedback = feedback;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getVariable(FEEDBACK_NUMBER) != null) {
            return; // registered already (a retried job)
        }
        FormInput in = new FormInput(execution, clock.getZone());
        FeedbackChannel channel = in.optionalEnum("channel", FeedbackChannel.class);
        FeedbackType type = in.requiredEnum(FeedbackVariables.FEEDBACK_TYPE, FeedbackType.class);
        Urgency urgency = in.optionalEnum("urgency", Urgency.class);
        if (in.hasErrors()) {
            in.validate();
        }
        InboundFeedbackRequest request = new InboundFeedbackRequest(null, text(execution, "customerExternalId"), text(execution, "customerName"),
                channel, text(execution, "contactName"), text(execution, "contactPhone"), text(execution, "productModel"),
                text(execution, "orderNumber"), text(execution, "serialNumber"), null, type, urgency,
                text(execution, InboundRegister.URGENCY_OVERRIDE_REASON), text(execution, "description"));
        Object by = execution.getVariable(REGISTERED_BY);
        FeedbackItem item;
        try {
            item = feedback.registerInboundItem(request, by == null ? null : by.toString());
        } catch (InvalidRequestException e) {
            for (InvalidRequestException.FieldError f : e.errors()) {
                in.error(f.field().equals("type") ? FeedbackVariables.FEEDBACK_TYPE : f.field(), f.message());
            }
            in.validate();
            throw e;
        }
        execution.setProcessBusinessKey(item.getNumber());
        execution.setVariable(FEEDBACK_NUMBER, item.getNumber());
        execution.setVariable(SUMMARY, item.getType().label() + " · " + item.getUrgency().label()
                + (item.isUrgencySuggested() ? "（系统建议 suggested）" : "") + " · " + item.getChannel().label());
        for (String v : new String[] {"customerExternalId", "channel", "productModel", "orderNumber", "serialNumber", "urgency",
            FeedbackVariables.FEEDBACK_TYPE}) {
            execution.removeVariable(v);
        }
        PersonalFields.removeFrom(execution);
    }

    private static String text(DelegateExecution execution, String key) {
        Object v = execution.getVariable(key);
        return v == null || v.toString().isBlank() ? null : v.toString().strip();
    }
}
