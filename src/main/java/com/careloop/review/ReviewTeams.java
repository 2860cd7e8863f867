package com.careloop.review;

import com.careloop.identity.CareLoopGroups;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * The team a reviewed call belongs to, as the quality KPIs credit calls: the agent's first group of the contract in the
 * order agents, cs-center, cs-supervisors, cs-managers, aftersales-tech, product, sales, when the call is sampled;
 * UNSPECIFIED otherwise.
 */
@Component
class ReviewTeams {

    static final List<String> CALLING = List.of(CareLoopGroups.AGENTS, CareLoopGroups.CS_CENTER, CareLoopGroups.CS_SUPERVISORS,
            CareLoopGroups.CS_MANAGERS, CareLoopGroups.AFTERSALES_TECH, CareLoopGroups.PRODUCT, CareLoopGroups.SALES);
    static final String UNSPECIFIED = "UNSPECIFIED";

    private final IdentityService identity;

    ReviewTeams(IdentityService identity) {
        this.identity = identity;
    }

    String teamOf(String agent) {
        Set<String> groups = identity.createGroupQuery().groupMember(agent).list().stream().map(Group::getId).collect(Collectors.toSet());
        return CALLING.stream().filter(groups::contains).findFirst().orElse(UNSPECIFIED);
    }

    Set<String> groupsOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).collect(Collectors.toSet());
    }
}
