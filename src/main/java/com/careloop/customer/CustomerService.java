package com.careloop.customer;

import com.careloop.errors.InvalidRequestException;
import com.careloop.errors.NotFoundException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class CustomerService {

    private final CustomerRepository customers;
    private final CustomerRules rules;
    private final Clock clock;

    public CustomerService(CustomerRepository customers, CustomerRules rules, Clock clock) {
        this.customers = customers;
        this.rules = rules;
        this.clock = clock;
    }

    public record Upserted(Customer customer, boolean created) {}

    /** Creates the customer or updates the one with the same externalId; absent optional fields are left as they are. */
    @Transactional
    public Upserted upsert(CustomerRequest r) {
        var existing = customers.findByExternalId(r.externalId().strip());
        // the rules the CSV import applies too
        Map<String, Instant> dates = new LinkedHashMap<>();
        dates.put("firstPurchaseAt", r.firstPurchaseAt());
        dates.put("lastPurchaseAt", r.lastPurchaseAt());
        dates.put("lastResolvedAt", r.lastResolvedAt());
        dates.put("lastLoginAt", r.lastLoginAt());
        boolean vip = r.tier() != null ? r.tier() == CustomerTier.VIP : existing.map(Customer::isVip).orElse(false);
        List<InvalidRequestException.FieldError> broken = rules.check(dates, vip, r.accountAgent(), rules.users());
        if (!broken.isEmpty()) {
            throw new InvalidRequestException(broken);
        }
        Customer c = existing.orElseGet(() -> new Customer(r.externalId().strip(), clock.instant()));
        c.setName(r.name().strip());
        if (r.company() != null) c.setCompany(r.company());
        if (r.phone() != null) {
            if (!r.phone().equals(c.getPhone())) c.setContactInvalid(false);
            c.setPhone(r.phone());
        }
        if (r.email() != null) c.setEmail(r.email());
        if (r.tier() != null) c.setTier(r.tier());
        if (r.accountAgent() != null) c.setAccountAgent(r.accountAgent().isBlank() ? null : r.accountAgent());
        if (r.optOut() != null) c.setOptOut(r.optOut());
        if (r.tags() != null) c.setTags(r.tags());
        if (r.products() != null) c.setProducts(r.products());
        if (r.firstPurchaseAt() != null) c.setFirstPurchaseAt(r.firstPurchaseAt());
        if (r.lastPurchaseAt() != null) c.setLastPurchaseAt(r.lastPurchaseAt());
        if (r.lastResolvedAt() != null) c.setLastResolvedAt(r.lastResolvedAt());
        if (r.lastLoginAt() != null) c.setLastLoginAt(r.lastLoginAt());
        c.setUpdatedAt(clock.instant());
        return new Upserted(customers.save(c), existing.isEmpty());
    }

    /** Applies an event; dates only move forward (first purchase only backward). */
    @Transactional
    public Customer record(String externalId, CustomerEvent event) {
        Customer c = customers.findByExternalId(externalId).orElseThrow(() -> new NotFoundException("customer", externalId));
        java.time.Instant at = event.at() == null ? clock.instant() : event.at();
        if (at.isAfter(clock.instant().plusSeconds(300))) {
            throw new com.careloop.errors.InvalidRequestException("at", "must not be in the future");
        }
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
}
