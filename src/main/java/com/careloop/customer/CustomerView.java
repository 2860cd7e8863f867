package com.careloop.customer;

import java.time.Instant;

/**
 * A customer as the API answers it. {@link #of} carries the phone and e-mail as stored (for those who need them, see
 * {@link CustomerReadAccess}), {@link #masked} as {@link MaskedPhone} and {@link MaskedEmail}. {@code erasedAt}: when an
 * erase request anonymised the customer (null otherwise).
 */
public record CustomerView(Long id, String externalId, String name, String company, String phone, String email,
                           CustomerTier tier, String accountAgent, boolean optOut, boolean contactInvalid, String tags, String products,
                           Instant firstPurchaseAt, Instant lastPurchaseAt, Instant lastResolvedAt, Instant lastLoginAt,
                           Instant refusedAt, Instant lastFollowUpAt, Instant createdAt, Instant updatedAt, Instant erasedAt) {

    static CustomerView of(Customer c) {
        return of(c, c.getPhone(), c.getEmail());
    }

    static CustomerView masked(Customer c) {
        return of(c).masked();
    }

    /** This view with the phone and e-mail masked ({@link MaskedPhone}, {@link MaskedEmail}). */
    public CustomerView masked() {
        return new CustomerView(id, externalId, name, company, blankToNull(MaskedPhone.of(phone)), blankToNull(MaskedEmail.of(email)),
                tier, accountAgent, optOut, contactInvalid, tags, products, firstPurchaseAt, lastPurchaseAt, lastResolvedAt,
                lastLoginAt, refusedAt, lastFollowUpAt, createdAt, updatedAt, erasedAt);
    }

    private static CustomerView of(Customer c, String phone, String email) {
        return new CustomerView(c.getId(), c.getExternalId(), c.getName(), c.getCompany(), phone, email,
                c.getTier(), c.getAccountAgent(), c.isOptOut(), c.isContactInvalid(), c.getTags(), c.getProducts(), c.getFirstPurchaseAt(),
                c.getLastPurchaseAt(), c.getLastResolvedAt(), c.getLastLoginAt(), c.getRefusedAt(), c.getLastFollowUpAt(),
                c.getCreatedAt(), c.getUpdatedAt(), c.getErasedAt());
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
