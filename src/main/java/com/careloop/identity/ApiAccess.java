package com.careloop.identity;

import static com.careloop.identity.CareLoopGroups.*;

import com.careloop.errors.ForbiddenException;
import java.util.Collections;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** Who may do what over the CareLoop API, by Camunda group. */
@Component
public class ApiAccess {

    public static final Set<String> READ = Set.of(AGENTS, CS_SUPERVISORS, CS_MANAGERS, CS_CENTER, AFTERSALES_TECH, PRODUCT, SALES, ADMIN);
    public static final Set<String> MAINTAIN_CUSTOMERS = Set.of(AGENTS, CS_CENTER, CS_SUPERVISORS, CS_MANAGERS, ADMIN);
    public static final Set<String> START_FOLLOW_UPS = Set.of(AGENTS, CS_SUPERVISORS, CS_MANAGERS, ADMIN);
    public static final Set<String> MAINTAIN_CALENDAR = Set.of(CS_MANAGERS, ADMIN);
    /** Service-quality KPIs of everyone (an agent reads only their own: see the KPI API). */
    public static final Set<String> READ_KPIS = Set.of(CS_MANAGERS, CS_SUPERVISORS, ADMIN);
    public static final Set<String> REGISTER_FEEDBACK = Set.of(AGENTS, CS_CENTER, CS_SUPERVISORS, CS_MANAGERS, ADMIN);

    public ApiUser currentUser() {
        Object user = RequestContextHolder.currentRequestAttributes()
                .getAttribute(ApiUser.REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (user == null) {
            throw new ForbiddenException("not authenticated");
        }
        return (ApiUser) user;
    }

    public ApiUser requireAny(Set<String> groups) {
        ApiUser user = currentUser();
        if (Collections.disjoint(user.groups(), groups)) {
            throw new ForbiddenException("user " + user.id() + " is not in any of the groups " + groups.stream().sorted().toList());
        }
        return user;
    }
}
