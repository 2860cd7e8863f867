package com.careloop.followup;

import com.careloop.customer.Customer;
import com.careloop.customer.CustomerService;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import org.springframework.data.domain.PageRequest;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * What the agent sees on top of the call form: customer, tier, scenario and the last contacts. Kept as
 * task-local variables (gone when the task is done; excluded from history), never phone numbers.
 */
@Component("callTaskContext")
public class CallTaskContext implements TaskListener {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final FollowUpService followUps;
    private final CustomerService customers;
    private final CallAttemptRepository attempts;
    private final Clock clock;

    public CallTaskContext(FollowUpService followUps, CustomerService customers, CallAttemptRepository attempts, Clock clock) {
        this.followUps = followUps;
        this.customers = customers;
        this.attempts = attempts;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        FollowUp followUp = followUps.get(((Number) task.getVariable("followUpId")).longValue());
        Customer customer = customers.get(followUp.getCustomer().getId());
        task.setVariableLocal("customerName", customer.getName());
        task.setVariableLocal("customerTier", customer.getTier().name());
        task.setVariableLocal("scenarioLabel", followUp.getScenario().label());
        String last = attempts.latestOfCustomer(customer.getId(), PageRequest.of(0, 5)).stream()
                .map(a -> DAY.format(a.getCalledAt().atZone(clock.getZone())) + " " + a.getOutcome())
                .collect(Collectors.joining("; "));
        task.setVariableLocal("lastContacts", last.isEmpty() ? "无 none" : last);
        // a new attempt is a new answer: do not pre-fill the previous attempt's outcome in the form
        task.getExecution().removeVariable("callOutcome");
        task.getExecution().removeVariable("callbackAt");
    }
}
