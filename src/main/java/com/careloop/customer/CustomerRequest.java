package com.careloop.customer;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A customer as the CRM pushes it; created or updated by externalId. */
public record CustomerRequest(
        @NotBlank(message = "externalId is required") @Size(max = 64) String externalId,
        @NotBlank(message = "name is required") @Size(max = 200) String name,
        @Size(max = 200) String company,
        @Pattern(regexp = "^\\+?[0-9][0-9 \\-]{5,19}$", message = "phone must be 6-20 digits, optionally with +, spaces or dashes")
        String phone,
        @Email(message = "email is not a valid e-mail address") @Size(max = 200) String email,
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
