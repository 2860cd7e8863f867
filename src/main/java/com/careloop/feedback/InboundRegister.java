package com.careloop.feedback;

import com.careloop.customer.CustomerRequest;
import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerTier;
import com.careloop.customer.CustomerView;
import com.careloop.errors.InvalidRequestException;
import com.careloop.errors.InvalidRequestException.FieldError;
import com.careloop.sla.ServiceParameters;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import org.springframework.stereotype.Component;

/**
 * Checks one line of the inbound register ({@link InboundFeedbackRequest}) and works out what it means: which
 * customer (by id, by externalId, by phone, or one to create on the spot), the batch (given, or read from the serial
 * number by {@code feedback.batchPattern} of bpmn/serviceParameters.dmn) and the urgency (given, or suggested by
 * bpmn/feedbackUrgency.dmn). Every broken rule is reported at once, naming its field; this writes nothing.
 */
@Component
class InboundRegister {

    static final String URGENCY_OVERRIDE_REASON = "urgencyOverrideReason";

    /**
     * The checked line. {@code customer} null: a new customer is created on the spot from {@code newCustomerExternalId}
     * (null: generated from the item's number) and {@code newCustomerName}.
     */
    record Checked(CustomerView customer, String newCustomerExternalId, String newCustomerName, FeedbackChannel channel,
                   String contactName, String contactPhone, String productModel, String orderNumber, String serialNumber,
                   String batch, FeedbackType type, Urgency urgency, UrgencySuggestion.Suggested suggested,
                   boolean urgencySuggested, String overrideReason, String description) {

        CustomerTier tier() {
            return customer == null ? null : customer.tier();
        }

        /** The customer to create on the spot: the register's name and contact phone, the product as its product. */
        CustomerRequest newCustomer(String generatedExternalId) {
            return new CustomerRequest(newCustomerExternalId != null ? newCustomerExternalId : generatedExternalId, newCustomerName,
                    null, contactPhone, null, null, null, null, null, null, null, null, null, productModel);
        }
    }

    private final CustomerService customers;
    private final FeedbackItemRepository items;
    private final SameMatter sameMatter;
    private final UrgencySuggestion suggestion;
    private final ServiceParameters parameters;
    private final Validator validator;
    private final org.springframework.beans.factory.ObjectProvider<BatchSignal> batchSignals;

    InboundRegister(CustomerService customers, FeedbackItemRepository items, SameMatter sameMatter, UrgencySuggestion suggestion,
                    ServiceParameters parameters, Validator validator,
                    org.springframework.beans.factory.ObjectProvider<BatchSignal> batchSignals) {
        this.batchSignals = batchSignals;
        this.customers = customers;
        this.items = items;
        this.sameMatter = sameMatter;
        this.suggestion = suggestion;
        this.parameters = parameters;
        this.validator = validator;
    }

    Checked check(InboundFeedbackRequest r) {
        List<FieldError> errors = new ArrayList<>();
        validator.validate(r).stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach((ConstraintViolation<InboundFeedbackRequest> v) -> errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage())));
        if (r.channel() == FeedbackChannel.FOLLOW_UP || r.channel() == FeedbackChannel.SMS || r.channel() == FeedbackChannel.WEB) {
            errors.add(new FieldError("channel", r.channel() + " is set by the system for the items of a follow-up call or survey comment; allowed: "
                    + "HOTLINE, ONLINE_CHAT, WECHAT, EMAIL, STORE, APP"));
        }
        String externalId = text(r.customerExternalId());
        String name = text(r.customerName());
        String phone = text(r.contactPhone());
        String serial = text(r.serialNumber());
        String model = text(r.productModel());

        CustomerView customer = null;
        String newExternalId = null;
        boolean create = false;
        if (r.customerId() != null) {
            customer = customers.find(r.customerId()).orElse(null);
            if (customer == null) {
                errors.add(new FieldError("customerId", "customer " + r.customerId() + " does not exist"));
            } else if (externalId != null && !externalId.equals(customer.externalId())) {
                errors.add(new FieldError("customerExternalId", "is not the externalId of customer " + r.customerId()));
            }
        } else if (externalId != null) {
            customer = customers.byExternalId(externalId).orElse(null);
            if (customer == null && name == null) {
                errors.add(new FieldError("customerExternalId", "no customer has externalId " + externalId
                        + "; send customerName to create one on the spot"));
            }
            create = customer == null;
            newExternalId = externalId;
        } else if (phone != null && errors.stream().noneMatch(e -> e.field().equals("contactPhone"))) {
            List<CustomerView> found = customers.viewsByPhone(phone);
            if (found.size() > 1) {
                errors.add(new FieldError("contactPhone", "several customers have this phone number: send customerExternalId"));
            } else if (found.size() == 1) {
                customer = found.get(0);
            } else if (name == null) {
                errors.add(new FieldError("contactPhone", "no customer has this phone number; send customerName to create one on the spot"));
            } else {
                create = true;
            }
        } else if (phone == null) {
            errors.add(new FieldError("customerId", "is required: send customerId, customerExternalId or contactPhone"));
        }
        if (create && name == null) {
            errors.add(new FieldError("customerName", "is required to create a customer on the spot"));
        }

        if (serial != null && (customer != null || create)
                && items.existsBySerialNumberAndCustomerIdNot(serial, customer == null ? -1L : customer.id())) {
            errors.add(new FieldError("serialNumber", "is registered to another customer"));
        }
        String batch = text(r.batch());
        if (batch == null && serial != null) {
            Matcher m = parameters.batchPattern().matcher(serial);
            batch = m.find() ? m.group(1) : null;
        }

        String description = text(r.description());
        int contacts = sameMatter.contactsIncludingNew(customer == null ? null : customer.id(), serial, model);
        // module incident: an open batch incident for this model and batch, or this item reaching its threshold
        String batchOfItem = batch;
        boolean batchSuspected = errors.isEmpty() && r.type() != null && model != null && batchOfItem != null
                && batchSignals.orderedStream().anyMatch(s -> s.suspected(r.type(), model, batchOfItem));
        UrgencySuggestion.Suggested suggested = suggestion.suggest(new UrgencySuggestion.Facts(description, contacts, batchSuspected));
        String overrideReason = text(r.urgencyOverrideReason());
        Urgency urgency = r.urgency() == null ? suggested.urgency() : r.urgency();
        if (r.urgency() == null && overrideReason != null) {
            errors.add(new FieldError(URGENCY_OVERRIDE_REASON, "only with an urgency that overrides the suggestion"));
        }
        if (suggested.urgency() == Urgency.URGENT && urgency != Urgency.URGENT && overrideReason == null) {
            errors.add(new FieldError(URGENCY_OVERRIDE_REASON, "is required to register as " + urgency
                    + " what the table suggests as URGENT (" + suggested.reason() + ")"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new Checked(customer, newExternalId, name, Optional.ofNullable(r.channel()).orElse(FeedbackChannel.HOTLINE),
                text(r.contactName()), phone, model, text(r.orderNumber()), serial, batch, r.type(), urgency, suggested,
                r.urgency() == null, overrideReason, description);
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
