package com.careloop.customer;

import com.careloop.errors.ConflictException;
import com.careloop.errors.InvalidRequestException;
import com.careloop.errors.NotFoundException;
import com.careloop.identity.ApiUser;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import java.util.function.Predicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CustomerService {

    private final CustomerRepository customers;
    private final CustomerRules rules;
    private final CustomerWriter writer;
    private final Clock clock;
    private final CustomerReadAccess readAccess;
    private final List<CustomerCases> cases;
    private final ApplicationEventPublisher events;

    /** The name an erased customer keeps (the column is required); externalId, tier and dates stay for the KPIs. */
    public static final String ERASED_NAME = "已删除 Erased";

    CustomerService(CustomerRepository customers, CustomerRules rules, CustomerWriter writer, Clock clock, CustomerReadAccess readAccess,
                    List<CustomerCases> cases, ApplicationEventPublisher events) {
        this.customers = customers;
        this.rules = rules;
        this.writer = writer;
        this.clock = clock;
        this.readAccess = readAccess;
        this.cases = cases;
        this.events = events;
    }

    public record Upserted(CustomerView customer, boolean created) {}

    /**
     * Creates the customer or updates the one with the same externalId; absent optional fields are left as they are,
     * a blank accountAgent clears it. Written by {@link CustomerWriter} with the CSV import's rules ({@link CustomerRules}).
     */
    @Transactional
    public Upserted upsert(CustomerRequest r) {
        String externalId = r.externalId().strip();
        Map<String, Instant> dates = new LinkedHashMap<>();
        dates.put("firstPurchaseAt", r.firstPurchaseAt());
        dates.put("lastPurchaseAt", r.lastPurchaseAt());
        dates.put("lastResolvedAt", r.lastResolvedAt());
        dates.put("lastLoginAt", r.lastLoginAt());
        Predicate<String> users = rules.users();
        // a stored VIP's account agent is checked by the writer against the stored tier, as for the CSV import
        List<InvalidRequestException.FieldError> broken = rules.check(dates, r.tier() == CustomerTier.VIP, r.accountAgent(), users);
        if (!broken.isEmpty()) {
            throw new InvalidRequestException(broken);
        }
        CustomerWriter.Row row = new CustomerWriter.Row();
        row.externalId = externalId;
        row.name = r.name().strip();
        row.company = r.company();
        row.phone = r.phone();
        row.email = r.email();
        row.tier = r.tier() == null ? null : r.tier().name();
        row.clearAccountAgent = r.accountAgent() != null && r.accountAgent().isBlank();
        row.accountAgent = row.clearAccountAgent ? null : r.accountAgent();
        row.optOut = r.optOut();
        row.tags = r.tags();
        row.products = r.products();
        dates.forEach((field, at) -> {
            if (at != null) {
                row.times.put(field, at);
            }
        });
        CustomerWriter.Result result = writer.upsert(List.of(row), users, CustomerOptedOut.API);
        if (!result.refused().isEmpty()) {
            throw new InvalidRequestException(result.refused().get(0).errors());
        }
        Customer c = customers.findByExternalId(externalId).orElseThrow();
        return new Upserted(CustomerView.of(c), result.created() == 1);
    }

    /** Applies an event; dates only move forward (first purchase only backward). */
    @Transactional
    public CustomerView record(String externalId, CustomerEvent event) {
        Customer c = customers.findByExternalId(externalId).orElseThrow(() -> new NotFoundException("customer", externalId));
        java.time.Instant at = event.at() == null ? clock.instant() : event.at();
        rules.notFuture("at", at).ifPresent(e -> {
            throw new com.careloop.errors.InvalidRequestException(List.of(e));
        });
        switch (event.type()) {
            case PURCHASE -> {
                if (c.getFirstPurchaseAt() == null || at.isBefore(c.getFirstPurchaseAt())) c.setFirstPurchaseAt(at);
                if (c.getLastPurchaseAt() == null || at.isAfter(c.getLastPurchaseAt())) c.setLastPurchaseAt(at);
            }
            case RESOLUTION -> {
                if (c.getLastResolvedAt() == null || at.isAfter(c.getLastResolvedAt())) c.setLastResolvedAt(at);
            }
            case LOGIN -> {
                if (c.getLastLoginAt() == null || at.isAfter(c.getLastLoginAt())) c.setLastLoginAt(at);
            }
        }
        c.setUpdatedAt(clock.instant());
        return CustomerView.of(c);
    }

    @Transactional
    public java.util.Optional<CustomerView> find(long id) {
        return customers.findById(id).map(CustomerView::of);
    }

    /** The customer with this CRM id, if one is stored. */
    @Transactional(readOnly = true)
    public java.util.Optional<CustomerView> byExternalId(String externalId) {
        return customers.findByExternalId(externalId.strip()).map(CustomerView::of);
    }

    /** The customers stored with exactly this phone number, at most two (enough to tell one from several). */
    @Transactional(readOnly = true)
    public List<CustomerView> viewsByPhone(String phone) {
        return customers.findTop2ByPhone(phone.strip()).stream().map(CustomerView::of).toList();
    }

    /** {@link #upsert}, answered as the view other modules use. */
    @Transactional
    public CustomerView upsertView(CustomerRequest r) {
        return upsert(r).customer();
    }

    /** Whether any customer is stored (the demo data loads only into an empty database). */
    @Transactional(readOnly = true)
    public boolean any() {
        return customers.count() > 0;
    }

    @Transactional(readOnly = true)
    public CustomerView get(long id) {
        return CustomerView.of(entity(id));
    }

    private Customer entity(long id) {
        return customers.findById(id).orElseThrow(() -> new NotFoundException("customer", String.valueOf(id)));
    }

    /**
     * {@code GET /api/customers/{id}} for this user ({@link CustomerReadAccess}): unmasked for cs-managers and the
     * assignee of an open task of the customer — each such read published as {@link CustomerContactRead} and audited —,
     * masked for supervisors and those an open task is offered to, and 404 (as for an unknown id) for everyone else.
     */
    @Transactional(readOnly = true)
    public CustomerView read(long id, ApiUser user) {
        Customer c = entity(id);
        CustomerReadAccess.Decision decision = readAccess.decide(id, user);
        if (!decision.visible()) {
            throw new NotFoundException("customer", String.valueOf(id));
        }
        if (!decision.unmasked()) {
            return CustomerView.masked(c);
        }
        events.publishEvent(new CustomerContactRead(user.id(), id, c.getExternalId(), decision.basis().name(), decision.taskId()));
        return CustomerView.of(c);
    }

    /**
     * An erase request (PIPL): refused with 409 {@code OPEN_CASES}, naming them, while the customer has an open
     * follow-up or feedback item; otherwise the customer's name, company, phone, e-mail and tags are anonymised, the
     * customer is opted out (never selected or called again) and {@link CustomerErased} is published in this
     * transaction, so that every module anonymises the customer's free text in its own tables. Idempotent: erasing an
     * erased customer again changes nothing of it (the first {@code erasedAt} stays) and runs the listeners again.
     */
    @Transactional
    public void erase(String externalId, String erasedBy) {
        Customer c = customers.findByExternalId(externalId).orElseThrow(() -> new NotFoundException("customer", externalId));
        List<String> open = cases.stream().flatMap(cs -> cs.openCases(c.getId()).stream()).sorted().toList();
        if (!open.isEmpty()) {
            throw new ConflictException("客户仍有未关闭的回访或反馈，请先关闭 The customer still has open cases, close them first: "
                    + String.join(", ", open), "OPEN_CASES");
        }
        Instant now = clock.instant();
        c.setName(ERASED_NAME);
        c.setCompany(null);
        c.setPhone(null);
        c.setEmail(null);
        c.setTags(null);
        boolean optingOut = !c.isOptOut();
        c.setOptOut(true);
        if (c.getErasedAt() == null) {
            c.setErasedAt(now);
        }
        c.setUpdatedAt(now);
        customers.flush();
        if (optingOut) {
            events.publishEvent(new CustomerOptedOut(c.getId(), c.getExternalId(), CustomerOptedOut.Refused.CALLS, CustomerOptedOut.ERASE, now));
        }
        events.publishEvent(new CustomerErased(c.getId(), c.getExternalId(), erasedBy));
    }

    /** A wrong number was reached: the contact data must be corrected before the customer is called again. */
    @Transactional
    public void flagContactInvalid(long id) {
        Customer c = entity(id);
        c.setContactInvalid(true);
        c.setUpdatedAt(clock.instant());
    }

    /** The customer refused the follow-up: screening leaves them alone for the cooling period. */
    @Transactional
    public void recordRefusal(long id) {
        Customer c = entity(id);
        c.setRefusedAt(clock.instant());
        c.setUpdatedAt(clock.instant());
    }

    @Transactional
    public void recordFollowUpContact(long id) {
        Customer c = entity(id);
        c.setLastFollowUpAt(clock.instant());
    }

    /**
     * The customer's full phone number: only for a dial by the assignee of an open task (module dialing, which audits
     * every call of it). Everywhere else the number is shown as {@link MaskedPhone}.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<String> phoneOf(long id) {
        return customers.findById(id).map(Customer::getPhone).filter(p -> !p.isBlank());
    }
}
