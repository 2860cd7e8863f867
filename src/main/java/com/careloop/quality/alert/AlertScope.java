package com.careloop.quality.alert;

/** Whom an alert rule measures: everything, each team (owner group of feedback), or each agent (who made the call). */
public enum AlertScope {
    ALL("all"), TEAM("team"), AGENT("agent");

    private final String key;

    AlertScope(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The scope key of one measured unit: "all", "team:cs-center", "agent:agent1". */
    public String unit(String id) {
        return this == ALL ? "all" : key + ":" + id;
    }

    public static AlertScope of(String key) {
        if (key != null) {
            for (AlertScope s : values()) {
                if (s.key.equalsIgnoreCase(key.trim())) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("unknown scope '" + key + "' (one of all, team, agent)");
    }
}
