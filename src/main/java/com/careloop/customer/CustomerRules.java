package com.careloop.customer;

import com.careloop.errors.InvalidRequestException.FieldError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * The rules of a customer record, one set for every way in (POST /api/customers and the CSV import): the formats of
 * phone and e-mail ({@link #PHONE}, {@link #EMAIL}); beyond the format, purchase, resolution and login dates are facts, so none lies in the future; a VIP's account agent
 * calls the VIP's follow-ups, so they must be a user (an agent nobody can log in as would own calls no one sees).
 */
@Component
public class CustomerRules {

    /** A phone number: 6-20 digits, optionally a leading +, spaces or dashes (REST bean validation and the CSV import). */
    public static final String PHONE = "^\\+?[0-9][0-9 \\-]{5,19}$";
    public static final String PHONE_MESSAGE = "6-20 digits, optionally with +, spaces or dashes";
    /** An e-mail address: something@domain.tld, no spaces (REST bean validation and the CSV import), at most 200 characters. */
    public static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";
    public static final String EMAIL_MESSAGE = "is not an e-mail address (name@domain.tld)";

    /** Clock difference tolerated between the CRM and CareLoop. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    static final String FUTURE = "must not be in the future";

    private final IdentityService identity;
    private final Clock clock;

    public CustomerRules(IdentityService identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    /** The error of a fact date after now (plus the tolerated clock skew), or none. */
    public java.util.Optional<FieldError> notFuture(String field, Instant at) {
        return at != null && at.isAfter(clock.instant().plus(CLOCK_SKEW))
                ? java.util.Optional.of(new FieldError(field, FUTURE)) : java.util.Optional.empty();
    }

    /**
     * @param dates        fact dates by field name (firstPurchaseAt, lastPurchaseAt, lastResolvedAt, lastLoginAt); nulls ignored
     * @param vip          whether the customer is (or becomes) VIP
     * @param accountAgent the account agent given, or null / blank for none
     * @param users        whether a user id exists (see {@link #users()})
     * @return one error per field that breaks a rule (field names as in the REST API and the CSV header)
     */
    public List<FieldError> check(Map<String, Instant> dates, boolean vip, String accountAgent, Predicate<String> users) {
        List<FieldError> errors = new ArrayList<>();
        dates.forEach((field, at) -> notFuture(field, at).ifPresent(errors::add));
        if (vip && accountAgent != null && !accountAgent.isBlank() && !users.test(accountAgent.strip())) {
            errors.add(new FieldError("accountAgent", "'" + accountAgent.strip()
                    + "' is no user: a VIP's account agent must be a CareLoop (Camunda) user, or empty for the agents pool"));
        }
        return errors;
    }

    /**
     * Whether a user exists, remembered per id (one lookup per agent for a whole import). /api requests carry no
     * engine authentication (ApiAuthenticationFilter only checks the password or the webapp session), so the query sees every user.
     */
    public Predicate<String> users() {
        Map<String, Boolean> known = new HashMap<>();
        return id -> known.computeIfAbsent(id, this::userExists);
    }

    private boolean userExists(String id) {
        return identity.createUserQuery().userId(id).count() > 0;
    }
}
