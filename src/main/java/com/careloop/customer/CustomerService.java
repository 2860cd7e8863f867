package com.careloop.customer;

import com.careloop.errors.InvalidRequestException;
import com.careloop.errors.NotFoundException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CustomerService {

    private final CustomerRepository customers;
    private final CustomerRules rules;
    private final CustomerWriter writer;
    private final Clock clock;

    CustomerService(CustomerRepository customers, CustomerRules rules, CustomerWriter writer, Clock clock) {
        this.customers = customers;
        this.rules = rules;
        this.writer = writer;
        this.clock = clock;
    }

    public record Upserted(Customer customer, boolean created) {}

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
        CustomerWriter.Result result = writer.upsert(List.of(row), users);
        if (!result.refused().isEmpty()) {
            throw new InvalidRequestException(result.refused().get(0).errors());
        }
        Customer c = customers.findByExternalId(externalId).orElseThrow();
        return new Upserted(c, result.created() == 1);
    }

    /** Applies an event; dates only move forward (first purchase only backward). */
    @Transactional
    public Customer record(String externalId, CustomerEvent event) {
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
        return c;
    }

    @Transactional
    public java.util.Optional<Customer> find(long id) {
        return customers.findById(id);
    }

    /** A customer as other modules see it (no entity crosses the module boundary). */
    @Transactional(readOnly = true)
    public java.util.Optional<CustomerView> view(long id) {
        return customers.findById(id).map(CustomerView::of);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<CustomerView> viewByExternalId(String externalId) {
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
        return CustomerView.of(upsert(r).customer());
    }

    /** Whether any customer is stored (the demo data loads only into an empty database). */
    @Transactional(readOnly = true)
    public boolean any() {
        return customers.count() > 0;
    }

    @Transactional(readOnly = true)
    public Customer get(long id) {
        return customers.findById(id).orElseThrow(() -> new NotFoundException("customer", String.valueOf(id)));
    }

    /** A wrong number was reached: the contact data must be corrected before the customer is called again. */
    @Transactional
    public void flagContactInvalid(long id) {
        Customer c = get(id);
        c.setContactInvalid(true);
        c.setUpdatedAt(clock.instant());
    }

    /** The customer refused the follow-up: screening leaves them alone for the cooling period. */
    @Transactional
    public void recordRefusal(long id) {
        Customer c = get(id);
        c.setRefusedAt(clock.instant());
        c.setUpdatedAt(clock.instant());
    }

    @Transactional
    public void recordFollowUpContact(long id) {
        Customer c = get(id);
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
