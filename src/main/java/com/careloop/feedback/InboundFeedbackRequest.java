package com.careloop.feedback;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Feedback that reaches the company without a follow-up call. */
public record InboundFeedbackRequest(
        @NotNull(message = "customerId is required") Long customerId,
        @NotNull(message = "type is required") FeedbackType type,
        Urgency urgency,
        @NotBlank(message = "description is required") @Size(max = 2000) String description) {
}
