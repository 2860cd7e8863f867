package com.careloop.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes that recording one event (live) or a chunk of replayed events (backfill) makes to quality's tables,
 * gathered in memory and written at once by {@link QualityStore#write}: rollup deltas per day and dimensions,
 * follow-up and feedback facts, open items, keyword tags and hits.
 */
final class Recording {

    record RollupKey(LocalDate day, Dimensions dims) {}

    record FollowUpFacts(long followUpId, String agent, String team, String scenario, String tier) {}

    /** An item's dimensions (and, while open, its open-item row). */
    static final class Item {
        final long id;
        Dimensions dims;
        String type;
        String urgency;
        boolean open;
        Instant responseDue;
        Instant resolutionDue;
        boolean responded;
        boolean resolved;
        /** rows as read from the tables: false = to be inserted */
        boolean factStored;
        boolean openStored;
        boolean dirty;

        Item(long id) {
            this.id = id;
        }
    }

    record Tag(String kind, long refId, LocalDate day, List<String> keywords) {}

    final Map<RollupKey, long[]> rollups = new HashMap<>();
    final Map<Long, FollowUpFacts> newFollowUps = new LinkedHashMap<>();
    final Map<Long, Item> items = new LinkedHashMap<>();
    final List<Tag> tags = new ArrayList<>();
    final Map<LocalDate, Map<String, Long>> keywordHits = new HashMap<>();

    void add(LocalDate day, Dimensions dims, Counter counter, long value) {
        if (value != 0) {
            rollups.computeIfAbsent(new RollupKey(day, dims), k -> new long[Counter.ALL.length])[counter.ordinal()] += value;
        }
    }

    void add(LocalDate day, Dimensions dims, Counter counter, boolean yes) {
        add(day, dims, counter, yes ? 1 : 0);
    }

    void tag(String kind, long refId, LocalDate day, List<String> keywords) {
        if (keywords.isEmpty()) {
            return;
        }
        tags.add(new Tag(kind, refId, day, keywords));
        Map<String, Long> hits = keywordHits.computeIfAbsent(day, d -> new HashMap<>());
        for (String k : keywords) {
            hits.merge(k, 1L, Long::sum);
        }
    }

    boolean isEmpty() {
        return rollups.isEmpty() && newFollowUps.isEmpty() && items.isEmpty() && tags.isEmpty();
    }
}
