package com.careloop.feedback;

import com.careloop.customer.CustomerRules;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Feedback that reaches the company without a follow-up call: one line of the register (seed 002 三). The customer is
 * {@code customerId}, or {@code customerExternalId}, or found by {@code contactPhone}; with {@code customerName} a
 * customer not yet stored is created on the spot. {@code urgency} absent: the suggestion of bpmn/feedbackUrgency.dmn.
 * The field rules are checked by {@link InboundRegister} (all of them at once, nothing written on any error).
 */
public record InboundFeedbackRequest(
        Long customerId,
        @Size(max = 64, message = AT_MOST) String customerExternalId,
        @Size(max = 200, message = AT_MOST) String customerName,
        FeedbackChannel channel,
        @Size(max = 200, message = AT_MOST) String contactName,
        @Pattern(regexp = CustomerRules.PHONE, message = "is not a phone number: " + CustomerRules.PHONE_MESSAGE) String contactPhone,
        @Size(max = 100, message = AT_MOST) String productModel,
        @Size(max = 64, message = AT_MOST) String orderNumber,
        @Size(max = 64, message = AT_MOST) String serialNumber,
        @Size(max = 64, message = AT_MOST) String batch,
        @NotNull(message = "type is required") FeedbackType type,
        Urgency urgency,
        @Size(max = 500, message = AT_MOST) String urgencyOverrideReason,
        @NotBlank(message = "description is required") @Size(max = 2000, message = AT_MOST) String description) {

    static final String AT_MOST = "must be at most {max} characters";

    /** The request of before the register: a stored customer, type, urgency and the customer's words. */
    public InboundFeedbackRequest(Long customerId, FeedbackType type, Urgency urgency, String description) {
        this(customerId, null, null, null, null, null, null, null, null, null, type, urgency, null, description);
    }
}
