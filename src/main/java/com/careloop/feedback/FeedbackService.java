package com.careloop.feedback;

import com.careloop.identity.TaskAccessPolicy;
import com.careloop.errors.InvalidRequestException;
import com.careloop.errors.NotFoundException;
import com.careloop.customer.CustomerService;
import com.careloop.numbering.BusinessNumbers;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Registers feedback items, from calls and inbound, and keeps their progress log. */
@Service
public class FeedbackService {

    public static final String PROCESS_KEY = TaskAccessPolicy.FEEDBACK_HANDLING;
    /** Element ids of bpmn/feedbackHandling.bpmn that Java must know (the demo data completes them). */
    public static final String RESPOND_TASK = "Task_RespondToCustomer";
    /** cs-center's verification of an inbound item (初步核实). */
    public static final String VERIFY_TASK = "Task_VerifyFeedback";
    public static final String RESOLVE_TASK = "Task_ResolveFeedback";
    /** The closure re-visit (二次回访), a call to the customer: the dial action of module dialing opens it. */
    public static final String CONFIRM_TASK = "Task_ConfirmResolution";

    private final FeedbackItemRepository items;
    private final FeedbackProgressRepository progress;
    private final CustomerService customers;
    private final BusinessNumbers numbers;
    private final RuntimeService runtime;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final InboundRegister register;

    public FeedbackService(FeedbackItemRepository items, FeedbackProgressRepository progress, CustomerService customers,
                           BusinessNumbers numbers, RuntimeService runtime, Clock clock, ApplicationEventPublisher events,
                           InboundRegister register) {
        this.register = register;
        this.events = events;
        this.items = items;
        this.progress = progress;
        this.customers = customers;
        this.numbers = numbers;
        this.runtime = runtime;
        this.clock = clock;
    }

    /**
     * An item reported on a follow-up call; handled by the follow-up's call activity. Idempotent: the same
     * follow-up and type give the same item (one item per type: the entry is the type).
     */
    @Transactional
    public FeedbackRef registerFromCall(Long followUpId, Long customerId, FeedbackType type, Urgency urgency,
                                        String description, String agent) {
        return FeedbackRef.of(registerItemFromCall(followUpId, customerId, type, urgency, description, agent));
    }

    /** {@link #registerFromCall(Long, Long, FeedbackType, Urgency, String, String)}, the entity for the module itself. */
    @Transactional
    FeedbackItem registerItemFromCall(Long followUpId, Long customerId, FeedbackType type, Urgency urgency,
                                      String description, String agent) {
        return registerItemFromCall(followUpId, type.name(), customerId, type, urgency, description, agent);
    }

    /**
     * One entry of a follow-up call (the n-th reported issue {@code ISSUE_n}, or an item the call derives such as
     * {@code SALES_LEAD}); handled by the follow-up's call activity. Idempotent: the same follow-up and entry give the
     * same item, so a retried recording creates nothing twice, while two issues of one type are two items.
     */
    @Transactional
    public FeedbackRef registerFromCall(Long followUpId, String callEntry, Long customerId, FeedbackType type, Urgency urgency,
                                        String description, String agent) {
        return FeedbackRef.of(registerItemFromCall(followUpId, callEntry, customerId, type, urgency, description, agent));
    }

    @Transactional
    FeedbackItem registerItemFromCall(Long followUpId, String callEntry, Long customerId, FeedbackType type, Urgency urgency,
                                      String description, String agent) {
        return items.findByFollowUpIdAndCallEntry(followUpId, callEntry).orElseGet(() -> {
            FeedbackItem item = items.save(new FeedbackItem(numbers.nextFeedbackNumber(), FeedbackSource.FOLLOW_UP_CALL,
                    type, urgency, description, customerId, followUpId, agent, clock.instant()).fromCallEntry(callEntry));
            log(item, agent, ProgressKind.CREATED, "由回访记录 Reported on follow-up call");
            opened(item, customers.find(customerId).map(c -> c.tier()).orElse(null));
            return item;
        });
    }

    /**
     * An item from the comment of a follow-up's survey answer given by a survey link ({@link CommentFeedback}): linked to
     * the follow-up, on the channel the answer came by, its handling started at once (the follow-up's process does not
     * wait for it). Idempotent per follow-up and entry.
     */
    @Transactional
    FeedbackItem registerFromSurveyComment(long followUpId, String entry, long customerId, FeedbackType type, Urgency urgency,
                                           String comment, FeedbackChannel channel) {
        return items.findByFollowUpIdAndCallEntry(followUpId, entry).orElseGet(() -> {
            FeedbackItem item = items.save(new FeedbackItem(numbers.nextFeedbackNumber(), FeedbackSource.FOLLOW_UP_CALL,
                    type, urgency, comment, customerId, followUpId, null, clock.instant()).fromCallEntry(entry)
                    .registered(channel, null, null, null, null, null, null));
            log(item, null, ProgressKind.CREATED, "由问卷留言登记（" + channel.label() + "） From the survey comment");
            opened(item, customers.find(customerId).map(c -> c.tier()).orElse(null));
            var pi = runtime.startProcessInstanceByKey(PROCESS_KEY, item.getNumber(), Map.of("feedbackItemId", item.getId()));
            item.setProcessInstanceId(pi.getId());
            return item;
        });
    }

    /**
     * Inbound feedback (a line of the register, seed 002): checked by {@link InboundRegister} (every bad field named,
     * nothing written), the customer created on the spot when asked, and its handling process started at once.
     */
    @Transactional
    public FeedbackRef registerInbound(InboundFeedbackRequest r, String registeredBy) {
        return FeedbackRef.of(registerInboundItem(r, registeredBy));
    }

    /** {@link #registerInbound}, the entity for the module itself. */
    @Transactional
    FeedbackItem registerInboundItem(InboundFeedbackRequest r, String registeredBy) {
        InboundRegister.Checked c = register.check(r);
        String number = numbers.nextFeedbackNumber();
        var customer = c.customer() != null ? c.customer() : customers.upsertView(c.newCustomer("REG-" + number));
        FeedbackItem item = items.save(new FeedbackItem(number, FeedbackSource.INBOUND, c.type(), c.urgency(), c.description(),
                customer.id(), null, null, clock.instant())
                .registered(c.channel(), c.contactName(), c.contactPhone(), c.productModel(), c.orderNumber(), c.serialNumber(), c.batch())
                .suggested(c.suggested().urgency(), c.suggested().reason(), c.urgencySuggested(), c.overrideReason()));
        Map<String, Long> read = numbersRead();
        if (read != null) {
            read.put(item.getNumber(), item.getId());
        }
        log(item, registeredBy, ProgressKind.CREATED, "登记（" + c.channel().label() + "） Registered inbound");
        if (c.customer() == null) {
            log(item, registeredBy, ProgressKind.CREATED, "新建客户 Customer created on the spot: " + customer.externalId());
        }
        if (c.urgencySuggested()) {
            log(item, registeredBy, ProgressKind.URGENCY, "建议紧急程度 Suggested urgency " + c.urgency() + " · " + c.suggested().reason());
        } else if (c.urgency() != c.suggested().urgency()) {
            log(item, registeredBy, ProgressKind.URGENCY, "登记人改为 Registrar chose " + c.urgency() + "（建议 suggested "
                    + c.suggested().urgency() + " · " + c.suggested().reason() + "）"
                    + (c.overrideReason() == null ? "" : " 原因 Reason: " + c.overrideReason()));
        }
        opened(item, customer.tier());
        var pi = runtime.startProcessInstanceByKey(PROCESS_KEY, item.getNumber(), Map.of("feedbackItemId", item.getId()));
        item.setProcessInstanceId(pi.getId());
        return item;
    }

    private void opened(FeedbackItem item, com.careloop.customer.CustomerTier tier) {
        events.publishEvent(new FeedbackEvent.FeedbackOpened(item.getId(), item.getNumber(), item.getCreatedAt(), item.getSource(),
                item.getType(), item.getUrgency(), item.getFollowUpId(), item.getRevisitAgent(), tier, item.getDescription(),
                item.getChannel(), item.getProductModel(), item.getBatch()));
    }

    /** Publishes a change of an item, in the caller's transaction (see {@link FeedbackEvent}). */
    void publish(FeedbackEvent event) {
        events.publishEvent(event);
    }

    @Transactional(readOnly = true)
    java.util.Optional<FeedbackItem> find(String number) {
        return items.findByNumber(number);
    }

    @Transactional
    FeedbackItem get(String number) {
        Map<String, Long> read = numbersRead();
        Long id = read == null ? null : read.get(number);
        if (id != null) {
            var known = items.findById(id); // in the persistence context already: no query, no flush
            if (known.isPresent()) {
                return known.get();
            }
        }
        FeedbackItem item = items.findByNumber(number).orElseThrow(() -> new NotFoundException("feedback", number));
        if (read != null) {
            read.put(number, item.getId());
        }
        return item;
    }

    /**
     * The numbers of the items this transaction has read or created, with their ids: a process start or a job
     * looks its item up by business key in several listeners and delegates, and a query by number costs a flush
     * and a round trip each time, where the id finds the item in the persistence context (a number never changes).
     */
    private static Map<String, Long> numbersRead() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Long> read = (Map<String, Long>) TransactionSynchronizationManager.getResource(NUMBERS_READ);
        if (read == null) {
            Map<String, Long> fresh = new java.util.HashMap<>();
            TransactionSynchronizationManager.bindResource(NUMBERS_READ, fresh);
            TransactionSynchronizationManager.registerSynchronization(
                    new TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            TransactionSynchronizationManager.unbindResourceIfPossible(NUMBERS_READ);
                        }
                    });
            read = fresh;
        }
        return read;
    }

    private static final Object NUMBERS_READ = new Object();

    /** The id of the customer a feedback item is about (404 when the number is unknown). */
    @Transactional(readOnly = true)
    public long customerOf(String number) {
        return get(number).getCustomerId();
    }

    /**
     * The item a feedbackHandling process is about: the one whose number is the instance's business key (set
     * at its start by loadFeedbackFacts). Never a process variable, which a task submission could set.
     */
    @Transactional
    FeedbackItem itemOf(DelegateExecution process) {
        return ofBusinessKey(process.getProcessBusinessKey());
    }

    /** The item a feedbackHandling task is about (see {@link #itemOf(DelegateExecution)}). */
    @Transactional
    FeedbackItem itemOf(DelegateTask task) {
        return ofBusinessKey(task.getExecution().getProcessBusinessKey());
    }

    /**
     * The item a feedbackHandling instance was started for, in its first step: inbound items start it with
     * their number as business key; a follow-up call's items are handed in as the start variable
     * feedbackItemId (set by the calling follow-up, not by a form) and get their number as business key here.
     */
    @Transactional
    FeedbackItem startedItem(DelegateExecution process) {
        String key = process.getProcessBusinessKey();
        Object id = process.getVariable("feedbackItemId");
        FeedbackItem item = key != null ? ofBusinessKey(key) : get(((Number) id).longValue());
        if (id instanceof Number n && n.longValue() != item.getId()) {
            throw new IllegalStateException("feedbackItemId " + n + " does not match business key " + key);
        }
        return item;
    }

    FeedbackItem ofBusinessKey(String number) {
        if (number == null) {
            throw new IllegalStateException("a feedbackHandling process instance without business key");
        }
        return get(number);
    }

    /** The feedback items a follow-up call raised, in the order they were raised. */
    @Transactional(readOnly = true)
    public List<FeedbackRef> ofFollowUp(long followUpId) {
        return items.findByFollowUpIdOrderById(followUpId).stream().map(FeedbackRef::of).toList();
    }

    /** A feedback item by its id (404 when unknown). */
    @Transactional(readOnly = true)
    public FeedbackRef ref(long id) {
        return FeedbackRef.of(get(id));
    }

    /** A feedback item by its number (404 when unknown). */
    @Transactional(readOnly = true)
    public FeedbackRef ref(String number) {
        return FeedbackRef.of(get(number));
    }

    /** The numbers of the feedback items a follow-up call raised, in the order they were raised. */
    @Transactional(readOnly = true)
    public List<String> numbersOfFollowUp(long followUpId) {
        return items.findByFollowUpIdOrderById(followUpId).stream().map(FeedbackItem::getNumber).toList();
    }

    @Transactional
    FeedbackItem get(long id) {
        return items.findById(id).orElseThrow(() -> new NotFoundException("feedback item", String.valueOf(id)));
    }

    /** The item failed resolution twice and waits for a manager's decision. */
    @Transactional
    void startManagerReview(FeedbackItem item) {
        if (item.getStatus() != FeedbackStatus.MANAGER_REVIEW && item.getStatus() != FeedbackStatus.CLOSED) {
            item.startManagerReview();
            log(item, null, ProgressKind.MANAGER_REVIEW, "转经理复核 Sent to manager review");
        }
    }

    /**
     * A handler's progress entry on an open item: the kind must be one handlers record, a NOTE needs its text; a closed,
     * invalid or merged item takes none (409). Who may: the team it is routed to, cs-center, supervisors, managers.
     */
    @Transactional
    FeedbackItem recordProgress(String number, ProgressEntryRequest r, com.careloop.identity.ApiUser by) {
        FeedbackItem item = get(number);
        java.util.List<InvalidRequestException.FieldError> errors = new java.util.ArrayList<>();
        if (r == null || r.kind() == null || !ProgressKind.RECORDED_BY_HANDLERS.contains(r.kind())) {
            errors.add(new InvalidRequestException.FieldError("kind", "is required, one of " + ProgressKind.RECORDED_BY_HANDLERS));
        }
        String note = r == null || r.note() == null || r.note().isBlank() ? null : r.note().strip();
        if (r != null && r.kind() == ProgressKind.NOTE && note == null) {
            errors.add(new InvalidRequestException.FieldError("note", "is required for a NOTE"));
        }
        if (note != null && note.length() > 2000) {
            errors.add(new InvalidRequestException.FieldError("note", "must be at most 2000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        java.util.Set<String> may = new java.util.HashSet<>(java.util.Set.of(com.careloop.identity.CareLoopGroups.CS_CENTER,
                com.careloop.identity.CareLoopGroups.CS_SUPERVISORS, com.careloop.identity.CareLoopGroups.CS_MANAGERS,
                com.careloop.identity.CareLoopGroups.ADMIN));
        if (item.getDepartment() != null) {
            may.add(item.getDepartment());
        }
        if (java.util.Collections.disjoint(by.groups(), may)) {
            throw new com.careloop.errors.ForbiddenException("user " + by.id() + " is not in any of the groups " + may.stream().sorted().toList());
        }
        if (!item.getStatus().open()) {
            throw new com.careloop.errors.ConflictException("feedback " + number + " is " + item.getStatus() + ": no more progress entries", "CLOSED");
        }
        log(item, by.id(), r.kind(), note == null ? r.kind().label() : note);
        return item;
    }

    @Transactional
    void log(FeedbackItem item, String author, ProgressKind kind, String note) {
        progress.save(new FeedbackProgress(item.getId(), clock.instant(), author, kind, note, null));
    }
}
