package com.careloop.quality;

import com.careloop.testsupport.CareLoopTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the alert and improvement-action tests: the full application on PostgreSQL (the one shared context) with
 * the KPI reader steered to the figures a test sets, so that a test says what the watch and the verification see.
 */
public abstract class WithStubbedKpis extends CareLoopTest {

    @Autowired
    protected SteerableQualityKpis kpis;

    /** Totals for a period; the argument is the period's first day. */
    protected Function<LocalDate, KpiValues> totals = from -> values(0, null, null, 0);
    protected final Map<String, KpiValues> teams = new LinkedHashMap<>();
    protected final Map<String, KpiValues> agents = new LinkedHashMap<>();
    /** every report asked for: from, to, groupBy */
    protected final List<String> asked = Collections.synchronizedList(new ArrayList<>());

    protected void stubKpis() {
        kpis.steer((from, to, groupBy, agent, team) -> {
            asked.add(from + ".." + to + (groupBy == null ? "" : " by " + groupBy) + (agent == null && team == null ? "" : " filtered"));
            List<KpiGroup> groups = new ArrayList<>();
            if (groupBy == KpiGrouping.TEAM) {
                teams.forEach((k, v) -> groups.add(new KpiGroup(k, "组 " + k, v)));
            } else if (groupBy == KpiGrouping.AGENT) {
                agents.forEach((k, v) -> groups.add(new KpiGroup(k, "客服 " + k, v)));
            }
            return new KpiReport(from, to, groupBy, totals.apply(from), groups);
        });
    }

    @AfterEach
    void realKpisAgain() {
        kpis.reset();
    }

    /** KPI values with the given survey count, CSAT, NPS and backlog (everything else without a denominator). */
    protected static KpiValues values(long surveys, Double csat, Double nps, long backlog) {
        return new KpiValues(surveys, csat, null, nps, null, null, null, null, null, null, null, backlog, 0L, Map.of());
    }
}
