package com.careloop.customer;

import java.util.List;

/**
 * What the modules that open cases for a customer (follow-ups, feedback items) tell the customer module, without the
 * customer module depending on them: the business keys of the customer's open cases, i.e. of the process instances
 * whose tasks decide who may see the customer's contact data ({@link CustomerReadAccess}) and which hold up an erase
 * request ({@link CustomerService#erase}). Implemented by each of those modules over its own tables.
 */
public interface CustomerCases {

    /** Numbers (= process business keys) of the customer's cases that are not closed yet. */
    List<String> openCases(long customerId);
}
