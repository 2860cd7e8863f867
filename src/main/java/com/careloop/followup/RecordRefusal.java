package com.careloop.followup;

import com.careloop.customer.CustomerService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The customer refused: remembered, so that screening leaves them alone for the cooling period. */
@Component("recordRefusal")
class RecordRefusal implements JavaDelegate {

    private final CustomerService customers;
    private final FollowUpService followUps;

    RecordRefusal(CustomerService customers, FollowUpService followUps) {
        this.customers = customers;
        this.followUps = followUps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        customers.recordRefusal(followUps.ofProcess(execution.getProcessBusinessKey()).getCustomerId());
    }
}
