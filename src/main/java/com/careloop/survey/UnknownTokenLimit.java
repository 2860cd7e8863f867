package com.careloop.survey;

import com.careloop.sla.ServiceParameters;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * No guessing of survey links: an address that asked for more unknown tokens within a minute (from its first unknown
 * one) than bpmn/serviceParameters.dmn survey.unknownTokensPerMinute allows gets 429 until that minute is over. Per
 * node, in memory (a guesser spread over several nodes gets the limit once per node).
 */
@Component
class UnknownTokenLimit {

    private record Window(long since, int count) {}

    private static final long MINUTE = 60_000;

    private final Map<String, Window> byAddress = new ConcurrentHashMap<>();
    private final ServiceParameters parameters;
    private final Clock clock;

    UnknownTokenLimit(ServiceParameters parameters, Clock clock) {
        this.parameters = parameters;
        this.clock = clock;
    }

    boolean blocked(String address) {
        Window w = byAddress.get(address);
        return w != null && clock.millis() - w.since() < MINUTE && w.count() > parameters.surveyUnknownTokensPerMinute();
    }

    /** One more unknown token from this address; @return whether it is now over the limit. */
    boolean unknown(String address) {
        long now = clock.millis();
        if (byAddress.size() > 10_000) {
            byAddress.values().removeIf(w -> now - w.since() >= MINUTE);
        }
        Window w = byAddress.merge(address, new Window(now, 1),
                (old, one) -> now - old.since() < MINUTE ? new Window(old.since(), old.count() + 1) : one);
        return w.count() > parameters.surveyUnknownTokensPerMinute();
    }
}
