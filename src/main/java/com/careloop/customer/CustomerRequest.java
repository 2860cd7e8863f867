package com.careloop.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A customer as the CRM pushes it; created or updated by externalId. Formats are {@link CustomerRules}', shared with the CSV import. */
public record CustomerRequest(
        @NotBlank(message = "externalId is required") @Size(max = 64) String externalId,
        @NotBlank(message = "name is required") @Size(max = 200) String name,
        @Size(max = 200) String company,
        @Pattern(regexp = CustomerRules.PHONE, message = "phone must be " + CustomerRules.PHONE_MESSAGE) String phone,
        @Pattern(regexp = CustomerRules.EMAIL, message = "email " + CustomerRules.EMAIL_MESSAGE) @Size(max = 200) String email,
        CustomerTier tier,
        @Size(max = 64) String accountAgent,
        Boolean optOut,
        @Size(max = 500) String tags,
        Instant firstPurchaseAt,
        Instant lastPurchaseAt,
        Instant lastResolvedAt,
        Instant lastLoginAt,
        @Size(max = 500) String products) {
}
