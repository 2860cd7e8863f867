package com.careloop.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A customer as the CRM pushes it; created or updated by externalId. The field rules (required, lengths, formats of
 * {@link CustomerRules}) are these annotations, for POST /api/customers and every CSV row alike (the import validates
 * each row as a CustomerRequest), so both answer with the same message.
 */
public record CustomerRequest(
        @NotBlank(message = REQUIRED) @Size(max = 64, message = AT_MOST) String externalId,
        @NotBlank(message = REQUIRED) @Size(max = 200, message = AT_MOST) String name,
        @Size(max = 200, message = AT_MOST) String company,
        @Pattern(regexp = CustomerRules.PHONE, message = "is not a phone number: " + CustomerRules.PHONE_MESSAGE) String phone,
        @Pattern(regexp = CustomerRules.EMAIL, message = CustomerRules.EMAIL_MESSAGE) @Size(max = 200, message = AT_MOST) String email,
        CustomerTier tier,
        @Size(max = 64, message = AT_MOST) String accountAgent,
        Boolean optOut,
        @Size(max = 500, message = AT_MOST) String tags,
        Instant firstPurchaseAt,
        Instant lastPurchaseAt,
        Instant lastResolvedAt,
        Instant lastLoginAt,
        @Size(max = 500, message = AT_MOST) String products) {

    static final String REQUIRED = "is required";
    static final String AT_MOST = "must be at most {max} characters";
}
