package com.careloop.followup;

import com.careloop.customer.CustomerService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Wrong number: the customer's contact data is flagged for correction. */
@Component("flagContactData")
public class FlagContactData implements JavaDelegate {

    private final CustomerService customers;

    public FlagContactData(CustomerService customers) {
        this.customers = customers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        customers.flagContactInvalid(((Number) execution.getVariable("customerId")).longValue());
    }
}
