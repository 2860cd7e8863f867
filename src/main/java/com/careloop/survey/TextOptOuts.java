package com.careloop.survey;

import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers who refused texts (table sms_opt_out, written only here): when and from what source (e.g. "SMS_REPLY:TD").
 * From then on bpmn/surveyChannel.dmn gets {@code optedOut = true} and surveys them by phone.
 */
@Service
public class TextOptOuts {

    private final SmsOptOutRepository optOuts;

    TextOptOuts(SmsOptOutRepository optOuts) {
        this.optOuts = optOuts;
    }

    /** Records the refusal once (the first time and source are kept); @return whether it is new. */
    @Transactional
    public boolean refuse(long customerId, Instant at, String source) {
        if (optOuts.existsById(customerId)) {
            return false;
        }
        optOuts.save(new SmsOptOut(customerId, at, source.length() > 64 ? source.substring(0, 64) : source));
        return true;
    }

    @Transactional(readOnly = true)
    public boolean refused(long customerId) {
        return optOuts.existsById(customerId);
    }
}
