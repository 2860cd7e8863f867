package com.careloop.quality;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.when;

import com.careloop.testsupport.CareLoopTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Base of the alert and improvement-action tests: the full application on PostgreSQL with the KPI reader stubbed, so
 * that a test says which figures the watch and the verification see (the KPI definitions have their own tests). Every
 * subclass shares this one application context.
 */
public abstract class WithStubbedKpis extends CareLoopTest {

    @MockitoBean
    protected QualityKpis kpis;

    /** Totals for a period; the argument is the period's first day. */
    protected Function<LocalDate, KpiValues> totals = from -> values(0, null, null, 0);
    protected final Map<String, KpiValues> teams = new LinkedHashMap<>();
    protected final Map<String, KpiValues> agents = new LinkedHashMap<>();

    protected void stubKpis() {
        when(kpis.report(any(), any(), any(), isNull(), isNull())).thenAnswer(inv -> {
            LocalDate from = inv.getArgument(0);
            LocalDate to = inv.getArgument(1);
            KpiGrouping groupBy = inv.getArgument(2);
            List<KpiGroup> groups = new ArrayList<>();
            if (groupBy == KpiGrouping.TEAM) {
                teams.forEach((k, v) -> groups.add(new KpiGroup(k, "组 " + k, v)));
            } else if (groupBy == KpiGrouping.AGENT) {
                agents.forEach((k, v) -> groups.add(new KpiGroup(k, "客服 " + k, v)));
            }
            return new KpiReport(from, to, groupBy, totals.apply(from), groups);
        });
    }

    /** KPI values with the given survey count, CSAT, NPS and backlog (everything else without a denominator). */
    protected static KpiValues values(long surveys, Double csat, Double nps, long backlog) {
        return new KpiValues(surveys, csat, null, nps, null, null, null, null, null, null, null, backlog, 0L, Map.of());
    }
}
