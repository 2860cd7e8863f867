package com.careloop.followup;

import com.careloop.customer.CustomerService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Wrong number: the customer's contact data is flagged for correction. */
@Component("flagContactData")
class FlagContactData implements JavaDelegate {

    private final CustomerService customers;
    private final FollowUpService followUps;

    FlagContactData(CustomerService customers, FollowUpService followUps) {
        this.customers = customers;
        this.followUps = followUps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        customers.flagContactInvalid(followUps.ofProcess(execution.getProcessBusinessKey()).getCustomerId());
    }
}
