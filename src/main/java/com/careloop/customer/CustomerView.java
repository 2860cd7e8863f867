package com.careloop.customer;

import java.time.Instant;

public record CustomerView(Long id, String externalId, String name, String company, String phone, String email,
                           CustomerTier tier, String accountAgent, boolean optOut, boolean contactInvalid, String tags, String products,
                           Instant firstPurchaseAt, Instant lastPurchaseAt, Instant lastResolvedAt, Instant lastLoginAt,
                           Instant refusedAt, Instant lastFollowUpAt, Instant createdAt, Instant updatedAt) {

    static CustomerView of(Customer c) {
        return new CustomerView(c.getId(), c.getExternalId(), c.getName(), c.getCompany(), c.getPhone(), c.getEmail(),
                c.getTier(), c.getAccountAgent(), c.isOptOut(), c.isContactInvalid(), c.getTags(), c.getProducts(), c.getFirstPurchaseAt(),
                c.getLastPurchaseAt(), c.getLastResolvedAt(), c.getLastLoginAt(), c.getRefusedAt(), c.getLastFollowUpAt(),
                c.getCreatedAt(), c.getUpdatedAt());
    }
}
