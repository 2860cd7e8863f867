package com.careloop.customer;

/**
 * Published when {@code GET /api/customers/{id}} answered a customer's phone and e-mail unmasked: who, which
 * customer, why ({@code basis}: {@link CustomerReadAccess.Basis}) and, for an assignee, the task that allowed it.
 * Audited by module dialing in the contact-access audit, next to the dials.
 */
public record CustomerContactRead(String user, long customerId, String externalId, String basis, String taskId) {}
