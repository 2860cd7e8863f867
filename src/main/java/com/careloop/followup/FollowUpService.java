package com.careloop.followup;

import com.careloop.errors.ConflictException;
import com.careloop.errors.InvalidRequestException;
import com.careloop.errors.NotFoundException;
import com.careloop.customer.Customer;
import com.careloop.customer.CustomerRepository;
import com.careloop.customer.CustomerTier;
import com.careloop.numbering.BusinessNumbers;
import com.careloop.sla.SlaClock;
import com.careloop.sla.WorkCalendar;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates follow-ups and starts their `followUp` process in one transaction. */
@Service
public class FollowUpService {

    public static final String PROCESS_KEY = "followUp";

    private final FollowUpRepository followUps;
    private final CustomerRepository customers;
    private final BusinessNumbers numbers;
    private final RuntimeService runtime;
    private final WorkCalendar calendar;
    private final FollowUpProperties props;
    private final Clock clock;

    public FollowUpService(FollowUpRepository followUps, CustomerRepository customers, BusinessNumbers numbers,
                           RuntimeService runtime, WorkCalendar calendar, FollowUpProperties props, Clock clock) {
        this.followUps = followUps;
        this.customers = customers;
        this.numbers = numbers;
        this.runtime = runtime;
        this.calendar = calendar;
        this.props = props;
        this.clock = clock;
    }

    @Transactional
    public FollowUp start(Long customerId, Scenario scenario) {
        if (customerId == null) {
            throw new InvalidRequestException("customerId", "is required");
        }
        if (scenario == null) {
            throw new InvalidRequestException("scenario", "is required (one of " + List.of(Scenario.values()) + ")");
        }
        Customer customer = customers.findById(customerId)
                .orElseThrow(() -> new InvalidRequestException("customerId", "customer " + customerId + " does not exist"));
        if (customer.isOptOut()) {
            throw new ConflictException("customer " + customer.getExternalId() + " has opted out of follow-up calls");
        }
        followUps.findFirstByCustomerIdAndStatus(customerId, FollowUpStatus.OPEN).ifPresent(open -> {
            throw new ConflictException("customer " + customer.getExternalId() + " already has open follow-up " + open.getNumber());
        });
        Instant now = clock.instant();
        Instant due = calendar.deadline(now, "P" + scenario.dueWorkingDays() + "D", SlaClock.WORKING);
        FollowUp followUp;
        try {
            followUp = followUps.saveAndFlush(new FollowUp(numbers.nextFollowUpNumber(), customer, scenario,
                    priorityOf(scenario.priority(), customer), agentOf(customer), due, now));
        } catch (DataIntegrityViolationException e) {
            if (violates(e, ONE_OPEN_PER_CUSTOMER)) {
                // a concurrent start (or a screening chunk) for this customer committed first: the check above missed it
                throw new ConflictException("customer " + customer.getExternalId()
                        + " already has open follow-up (created by a concurrent request just now)");
            }
            throw e;
        }
        startProcess(followUp);
        return followUp;
    }

    /** The unique index that allows one OPEN follow-up per customer (migration V5_1, PostgreSQL and H2). */
    static final String ONE_OPEN_PER_CUSTOMER = "uk_follow_up_open";

    private static boolean violates(Throwable e, String index) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains(index)) {
                return true;
            }
        }
        return false;
    }

    /** VIP customers with an account agent are called by that agent. */
    public static String agentOf(Customer customer) {
        return agentOf(customer.getTier(), customer.getAccountAgent());
    }

    public static String agentOf(CustomerTier tier, String accountAgent) {
        return tier == CustomerTier.VIP ? accountAgent : null;
    }

    /** A VIP's call ranks a little higher than the same scenario for a standard customer. */
    public static int priorityOf(int scenarioPriority, Customer customer) {
        return priorityOf(scenarioPriority, customer.getTier());
    }

    public static int priorityOf(int scenarioPriority, CustomerTier tier) {
        return scenarioPriority + (tier == CustomerTier.VIP ? 5 : 0);
    }

    /** Saves a follow-up built by the caller (e.g. screening), flushed at once so a duplicate fails here. */
    @Transactional
    public FollowUp save(FollowUp followUp) {
        return followUps.saveAndFlush(followUp);
    }

    /** Starts the followUp process of a saved follow-up (business key = its number), in the caller's transaction. */
    @Transactional
    public void startProcess(FollowUp followUp) {
        followUp.setProcessInstanceId(startProcess(followUp.getId(), followUp.getNumber(), followUp.getAssignedAgent(),
                followUp.getDueAt(), followUp.getPriority(), null));
    }

    /**
     * Starts a followUp process with only what its gateways, timers and task need: the follow-up id, the agent
     * (or none: the agents pool), the call's due date and priority. A ready-made form context may be handed in
     * (transient, never stored as a variable of the process).
     *
     * @return the process instance id
     */
    public String startProcess(long followUpId, String number, String agent, Instant due, int priority, String callContext) {
        VariableMap vars = Variables.createVariables()
                .putValue("followUpId", followUpId)
                .putValue("callDue", Date.from(due))
                .putValue("priority", priority);
        if (agent != null) { // absent = the agents pool (most calls): one variable less per start
            vars.putValue("assignedAgent", agent);
        }
        if (callContext != null) {
            vars.putValueTyped(CallTaskContext.VARIABLE, Variables.stringValue(callContext, true));
        }
        return runtime.startProcessInstanceByKey(PROCESS_KEY, number, vars).getId();
    }

    /**
     * The follow-up a followUp process instance is about: the one whose number is the instance's business key.
     * Delegates identify their case this way, never by a process variable, which a task submission could set.
     */
    @Transactional
    public FollowUp ofProcess(String businessKey) {
        if (businessKey == null) {
            throw new IllegalStateException("a followUp process instance without business key");
        }
        return get(businessKey);
    }

    @Transactional
    public FollowUp get(String number) {
        return followUps.findByNumber(number).orElseThrow(() -> new NotFoundException("follow-up", number));
    }

    @Transactional
    public FollowUp get(long id) {
        return followUps.findById(id).orElseThrow(() -> new NotFoundException("follow-up", String.valueOf(id)));
    }
}
