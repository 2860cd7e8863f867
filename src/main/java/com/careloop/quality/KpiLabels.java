package com.careloop.quality;

import com.careloop.feedback.FeedbackChannel;
import com.careloop.feedback.FeedbackSource;
import com.careloop.followup.Scenario;
import com.careloop.identity.CareLoopGroups;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The zh-CN / English label of a group key of a KPI report. */
@Component
class KpiLabels {

    static final String UNSPECIFIED_LABEL = "未指定 Unspecified";

    /** The feedback channels, SMS and WEB also of survey answers by link (and, for rows recorded before they were, the old sources). */
    private static final Map<String, String> CHANNELS = channels();
    private static final Map<String, String> TIERS = Map.of("VIP", "VIP 客户 VIP", "STANDARD", "普通客户 Standard");

    private static Map<String, String> channels() {
        Map<String, String> labels = new java.util.HashMap<>();
        for (FeedbackChannel c : FeedbackChannel.values()) {
            labels.put(c.name(), c.label());
        }
        labels.put(FeedbackSource.FOLLOW_UP_CALL.name(), FeedbackChannel.FOLLOW_UP.label());
        labels.put(FeedbackSource.INBOUND.name(), "来电/来函 Inbound");
        return Map.copyOf(labels);
    }

    private final IdentityService identity;
    /** agent id -> "name (id)"; names change rarely, the cache is small (one entry per agent). */
    private final Map<String, String> agents = new ConcurrentHashMap<>();

    KpiLabels(IdentityService identity) {
        this.identity = identity;
    }

    private String agent(String id) {
        return agents.computeIfAbsent(id, k -> {
            User u = identity.createUserQuery().userId(k).singleResult();
            String name = u == null ? "" : ((u.getFirstName() == null ? "" : u.getFirstName()) + " " + (u.getLastName() == null ? "" : u.getLastName())).strip();
            return name.isEmpty() || name.equals(k) ? k : name + " (" + k + ")";
        });
    }

    String label(KpiGrouping groupBy, String key) {
        if (Dimensions.UNSPECIFIED.equals(key)) {
            return UNSPECIFIED_LABEL;
        }
        return switch (groupBy) {
            case DAY, WEEK, MONTH, PRODUCT -> key;
            case AGENT -> agent(key);
            case TEAM -> CareLoopGroups.ALL.stream().filter(g -> g.id().equals(key)).map(CareLoopGroups.GroupInfo::name).findFirst().orElse(key);
            case SCENARIO -> {
                try {
                    yield Scenario.valueOf(key).label();
                } catch (IllegalArgumentException e) {
                    yield key;
                }
            }
            case CHANNEL -> CHANNELS.getOrDefault(key, key);
            case TIER -> TIERS.getOrDefault(key, key);
        };
    }
}
