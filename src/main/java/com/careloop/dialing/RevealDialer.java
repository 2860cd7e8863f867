package com.careloop.dialing;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The default: the full number goes to the task's assignee (once per request), who dials it (a {@code tel:} link). */
@Component
@ConditionalOnProperty(name = "careloop.dialing.adapter", havingValue = "reveal", matchIfMissing = true)
class RevealDialer implements Dialer {

    @Override
    public String name() {
        return "reveal";
    }

    @Override
    public String dial(DialRequest request) {
        return request.phone();
    }
}
