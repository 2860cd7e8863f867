package com.careloop.quality;

import com.careloop.identity.CareLoopGroups;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * The team a call is credited to: the agent's team group (the first candidate group of the contract the agent is a
 * member of, in the order agents, cs-center, cs-supervisors, cs-managers, aftersales-tech, product, sales), as it is
 * when the call is recorded. Remembered for a few minutes per agent.
 */
@Component
class AgentTeams {

    static final List<String> ORDER = List.of(CareLoopGroups.AGENTS, CareLoopGroups.CS_CENTER, CareLoopGroups.CS_SUPERVISORS,
            CareLoopGroups.CS_MANAGERS, CareLoopGroups.AFTERSALES_TECH, CareLoopGroups.PRODUCT, CareLoopGroups.SALES);
    private static final long TTL_NANOS = Duration.ofMinutes(5).toNanos();

    private record Cached(String team, long at) {}

    private final IdentityService identity;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    AgentTeams(IdentityService identity) {
        this.identity = identity;
    }

    String teamOf(String agent) {
        if (agent == null || agent.isBlank()) {
            return Dimensions.UNSPECIFIED;
        }
        long now = System.nanoTime();
        Cached c = cache.get(agent);
        if (c != null && now - c.at() < TTL_NANOS) {
            return c.team();
        }
        Set<String> groups = identity.createGroupQuery().groupMember(agent).list().stream().map(Group::getId).collect(Collectors.toSet());
        String team = ORDER.stream().filter(groups::contains).findFirst().orElse(Dimensions.UNSPECIFIED);
        cache.put(agent, new Cached(team, now));
        return team;
    }
}
