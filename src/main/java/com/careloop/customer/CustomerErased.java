package com.careloop.customer;

/**
 * Published by {@link CustomerService#erase} inside its transaction, after the customer's own row was anonymised:
 * each module holding the customer's free text anonymises its own tables (and the engine history of its process
 * instances) in a synchronous listener, so the erase commits everywhere or nowhere.
 */
public record CustomerErased(long customerId, String externalId, String erasedBy) {}
