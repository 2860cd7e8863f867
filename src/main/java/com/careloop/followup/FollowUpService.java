package com.careloop.followup;

import com.careloop.identity.TaskAccessPolicy;
import com.careloop.errors.ConflictException;
import com.careloop.errors.InvalidRequestException;
import com.careloop.errors.NotFoundException;
import com.careloop.customer.CustomerTier;
import com.careloop.customer.CustomerView;
import com.careloop.customer.CustomerService;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens follow-ups (one or many, see {@link #open}) and starts their `followUp` process in one transaction. */
@Service
public class FollowUpService {

    public static final String PROCESS_KEY = TaskAccessPolicy.FOLLOW_UP;
    /** Element ids of bpmn/followUp.bpmn that Java must know. */
    public static final String CALL_TASK = TaskAccessPolicy.CALL_TASK;
    public static final String HANDLE_FEEDBACK = "CallActivity_HandleFeedback";
    /** The agents' call-back after a detractor's answer by survey link. */
    public static final String DETRACTOR_CALL_BACK_TASK = "Task_DetractorCallBack";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FollowUpService.class);
    private final FollowUpRepository followUps;
    private final CustomerService customers;
    private final RuntimeService runtime;
    private final FollowUpWriter writer;
    private final FollowUpExclusions exclusions;
    private final FollowUpQueries queries;

    FollowUpService(FollowUpRepository followUps, CustomerService customers, RuntimeService runtime, FollowUpWriter writer,
                    FollowUpExclusions exclusions, FollowUpQueries queries) {
        this.followUps = followUps;
        this.customers = customers;
        this.runtime = runtime;
        this.writer = writer;
        this.exclusions = exclusions;
        this.queries = queries;
    }

    /** A manual start without override: see {@link #start(Long, Scenario, NewFollowUp.Override)}. */
    @Transactional
    public FollowUpView start(Long customerId, Scenario scenario) {
        return start(customerId, scenario, null);
    }

    /**
     * A manual start (POST /api/follow-ups): the same exclusions, policy and writer as screening ({@link #open}).
     *
     * @param override a cs-manager's override of the exclusions that may be overridden (cooling period, wrong number),
     *                 recorded on the follow-up; the caller checks who may send one
     * @throws ConflictException naming the exclusion (reason OPTED_OUT, CONTACT_INVALID, OPEN_FOLLOW_UP, COOLING_PERIOD)
     */
    @Transactional
    public FollowUpView start(Long customerId, Scenario scenario, NewFollowUp.Override override) {
        return start(customerId, scenario, override, null);
    }

    /** The process variable naming who started a follow-up by hand (a person's user id or apikey:&lt;name&gt;). */
    public static final String STARTED_BY = "startedBy";

    /**
     * {@link #start(Long, Scenario, NewFollowUp.Override)} by {@code startedBy} (the caller of POST /api/follow-ups,
     * e.g. {@code apikey:crm}): kept on the followUp process as variable {@value #STARTED_BY} (engine history, Cockpit)
     * and logged, as the forms' starts keep their camunda:initiator.
     */
    @Transactional
    public FollowUpView start(Long customerId, Scenario scenario, NewFollowUp.Override override, String startedBy) {
        if (customerId == null) {
            throw new InvalidRequestException("customerId", "is required");
        }
        if (scenario == null) {
            throw new InvalidRequestException("scenario", "is required (one of " + List.of(Scenario.values()) + ")");
        }
        CustomerView customer = customers.find(customerId)
                .orElseThrow(() -> new InvalidRequestException("customerId", "customer " + customerId + " does not exist"));
        Opened opened;
        try {
            opened = open(List.of(NewFollowUp.manual(customerId, scenario, override))).get(0);
        } catch (DataIntegrityViolationException e) {
            if (violates(e, ONE_OPEN_PER_CUSTOMER)) {
                // a concurrent start (or a screening chunk) for this customer committed first: the check missed it
                throw new ConflictException("customer " + customer.externalId()
                        + " already has open follow-up (created by a concurrent request just now)", Exclusion.OPEN_FOLLOW_UP.name());
            }
            throw e;
        }
        if (!opened.created()) {
            throw new ConflictException(conflict(customer, opened.excludedBy(), override != null), opened.excludedBy().name());
        }
        FollowUpView view = queries.byId(opened.followUpId());
        if (startedBy != null) {
            runtime.setVariable(view.processInstanceId(), STARTED_BY, startedBy);
            LOG.info("Follow-up {} started by {}", view.number(), startedBy);
        }
        return view;
    }

    private String conflict(CustomerView customer, Exclusion exclusion, boolean overridden) {
        String who = "customer " + customer.externalId();
        String message = switch (exclusion) {
            case OPTED_OUT -> who + " has opted out of follow-up calls";
            case CONTACT_INVALID -> who + " has a wrong number on file: correct the contact data first";
            case OPEN_FOLLOW_UP -> who + " already has open follow-up "
                    + followUps.findFirstByCustomerIdAndStatus(customer.id(), FollowUpStatus.OPEN).map(FollowUp::getNumber).orElse("");
            case COOLING_PERIOD -> who + " was called or refused within the cooling period (" + exclusions.coolingPeriod() + ")";
            case DUPLICATE_PERIOD -> who + " already has a follow-up for this scenario and period";
        };
        return message + " (" + exclusion.name() + (exclusion.overridable()
                ? "; a cs-manager may start it anyway with override: {reason}"
                : overridden ? "; this exclusion cannot be overridden" : "") + ")";
    }

    /**
     * Opens follow-ups, one or a whole screening chunk, with one set of rules: the exclusions (opted out, wrong number,
     * an open follow-up, the cooling period; one per customer, scenario and period), the scenario policy's due date,
     * priority and caller (bpmn/scenarioPolicy.dmn), rows in batches, then each followUp process, in the caller's
     * transaction. The only way follow-ups are created.
     *
     * @return per request, in order: opened, or the exclusion that applies
     */
    @Transactional
    public List<Opened> open(List<NewFollowUp> requests) {
        return writer.open(requests, this::startProcess);
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

    /**
     * Starts a followUp process with only what its gateways, timers and task need: the follow-up id, the agent
     * (or none: the agents pool), the call's due date and priority. A ready-made call card may be handed in
     * (transient, never stored as a variable of the process).
     *
     * @return the process instance id
     */
    String startProcess(long followUpId, String number, String agent, Instant due, int priority, CallContext.Card card) {
        VariableMap vars = Variables.createVariables()
                .putValue(FollowUpVariables.FOLLOW_UP_ID, followUpId)
                .putValue(FollowUpVariables.CALL_DUE, Date.from(due))
                .putValue(FollowUpVariables.PRIORITY, priority);
        if (agent != null) { // absent = the agents pool (most calls): one variable less per start
            vars.putValue(FollowUpVariables.ASSIGNED_AGENT, agent);
        }
        if (card != null) {
            vars.putValueTyped(CallTaskContext.PREPARED, Variables.objectValue(card, true).create());
        }
        return runtime.startProcessInstanceByKey(PROCESS_KEY, number, vars).getId();
    }

    /**
     * The follow-up a followUp process instance is about: the one whose number is the instance's business key.
     * Delegates identify their case this way, never by a process variable, which a task submission could set.
     */
    @Transactional
    FollowUp ofProcess(String businessKey) {
        if (businessKey == null) {
            throw new IllegalStateException("a followUp process instance without business key");
        }
        return followUps.findByNumber(businessKey).orElseThrow(() -> new NotFoundException("follow-up", businessKey));
    }

    /** The follow-up with this number (404 when unknown), as other modules see it. */
    @Transactional(readOnly = true)
    public FollowUpView get(String number) {
        return queries.byNumber(number);
    }

    @Transactional(readOnly = true)
    public FollowUpView get(long id) {
        return queries.byId(id);
    }

    /** The tier of the follow-up's customer, for the events quality records. */
    CustomerTier tierOf(FollowUp followUp) {
        return customers.get(followUp.getCustomerId()).tier();
    }
}
