package com.careloop.review;

import com.careloop.followup.ReachedCalls.ReachedCall;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Chooses a week's calls for review by the sampling rules: per agent every call the rules always review, plus a random
 * sample of the agent's other calls whose size the rules give from all the agent's reached calls, less the calls of the
 * agent's random sample of this week chosen before (a second run of the same week adds none). Calls already reviewed
 * are never chosen again. The random choice is seeded by the week and the agent.
 */
final class Sampler {

    private Sampler() {
    }

    static List<Sample> sample(Collection<ReachedCall> calls, Set<Long> alreadyReviewed, Map<String, Integer> randomBefore,
                               SamplingRules rules, long weekSeed) {
        Map<String, List<ReachedCall>> byAgent = new LinkedHashMap<>();
        for (ReachedCall c : calls) {
            byAgent.computeIfAbsent(c.agent(), a -> new ArrayList<>()).add(c);
        }
        List<Sample> chosen = new ArrayList<>();
        byAgent.forEach((agent, own) -> {
            List<ReachedCall> pool = new ArrayList<>();
            for (ReachedCall c : own) {
                Optional<String> reason = rules.alwaysReason(c);
                if (alreadyReviewed.contains(c.followUpId())) {
                    continue;
                }
                if (reason.isPresent()) {
                    chosen.add(new Sample(c, reason.get()));
                } else {
                    pool.add(c);
                }
            }
            int size = Math.max(0, Math.min(pool.size(), rules.sampleSize(own.size()) - randomBefore.getOrDefault(agent, 0)));
            java.util.Collections.shuffle(pool, new Random(weekSeed * 31 + agent.hashCode()));
            pool.stream().limit(size).forEach(c -> chosen.add(new Sample(c, Sample.RANDOM)));
        });
        return chosen;
    }
}
