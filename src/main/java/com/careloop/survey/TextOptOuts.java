package com.careloop.survey;

import com.careloop.customer.CustomerOptedOut;
import com.careloop.customer.CustomerService;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers who refused texts (table sms_opt_out, written only here): when and from what source (e.g. "SMS_REPLY:TD").
 * From then on bpmn/surveyChannel.dmn gets {@code optedOut = true} and surveys them by phone. A new refusal is published
 * as {@link CustomerOptedOut} (TEXTS) in the recording transaction.
 */
@Service
public class TextOptOuts {

    private final SmsOptOutRepository optOuts;
    private final CustomerService customers;
    private final ApplicationEventPublisher events;

    TextOptOuts(SmsOptOutRepository optOuts, CustomerService customers, ApplicationEventPublisher events) {
        this.optOuts = optOuts;
        this.customers = customers;
        this.events = events;
    }

    /** Records the refusal once (the first time and source are kept); @return whether it is new. */
    @Transactional
    public boolean refuse(long customerId, Instant at, String source) {
        if (optOuts.existsById(customerId)) {
            return false;
        }
        String kept = source.length() > 64 ? source.substring(0, 64) : source;
        optOuts.save(new SmsOptOut(customerId, at, kept));
        events.publishEvent(new CustomerOptedOut(customerId, customers.get(customerId).externalId(), CustomerOptedOut.Refused.TEXTS, kept, at));
        return true;
    }

    @Transactional(readOnly = true)
    public boolean refused(long customerId) {
        return optOuts.existsById(customerId);
    }
}
