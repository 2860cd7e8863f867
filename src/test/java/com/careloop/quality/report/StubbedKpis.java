package com.careloop.quality.report;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.when;

import com.careloop.quality.KpiGroup;
import com.careloop.quality.KpiGrouping;
import com.careloop.quality.KpiReport;
import com.careloop.quality.KpiValues;
import com.careloop.quality.QualityKeywords;
import com.careloop.quality.QualityKpis;
import com.careloop.testsupport.CareLoopTest;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Report tests against a KPI service that answers known, distinct figures for every period (so a cell can be checked
 * against "what the KPI service says for these days", including a KPI with no denominator, resolutionRate = null, and
 * a dimension without scores), while the plain counts (calls, feedback items) come from real data. The KPIs themselves
 * are tested by the quality module's own tests.
 */
abstract class StubbedKpis extends CareLoopTest {

    @MockitoBean QualityKpis kpis;
    @MockitoBean QualityKeywords keywords;

    static final List<QualityKeywords.KeywordCount> TOP = List.of(new QualityKeywords.KeywordCount("漏水", 5),
            new QualityKeywords.KeywordCount("态度", 3));

    /** What the stubbed KPI service answers for [from, to): different for every start day, month and length. */
    static KpiValues values(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        Map<String, Double> dimensions = new HashMap<>();
        dimensions.put("attitude", 4.5);
        dimensions.put("expertise", 4.25);
        dimensions.put("resolution", 3.75);
        dimensions.put("convenience", 4.0);
        return new KpiValues(from.getDayOfMonth() * 10L + days,
                Math.round((60 + from.getDayOfMonth() + from.getMonthValue() / 10.0 + days / 100.0) * 10) / 10.0,
                Math.round((3 + from.getDayOfMonth() / 100.0) * 100) / 100.0,
                Math.round((from.getDayOfMonth() - 10.5 + from.getMonthValue()) * 10) / 10.0,
                75.5, null, 40.0, 90.1, 88.8, 5.0, 12.5 + from.getMonthValue(), 7L, 3L, dimensions);
    }

    static final KpiValues AGENT1 = new KpiValues(1, 0.0, 2.0, -100.0, 50.0, null, null, null, null, null, 100.0, null, null, Map.of());
    static final KpiValues AGENT2 = new KpiValues(1, 100.0, 5.0, 100.0, 100.0, null, null, null, null, null, 0.0, null, null, Map.of());

    @BeforeEach
    void stubKpis() {
        doAnswer(inv -> {
            LocalDate from = inv.getArgument(0);
            LocalDate to = inv.getArgument(1);
            return new KpiReport(from, to, null, values(from, to), List.of());
        }).when(kpis).report(any(), any(), isNull(), isNull(), isNull());
        doAnswer(inv -> {
            LocalDate from = inv.getArgument(0);
            LocalDate to = inv.getArgument(1);
            return new KpiReport(from, to, KpiGrouping.AGENT, values(from, to),
                    List.of(new KpiGroup("agent1", "agent1", AGENT1), new KpiGroup("agent2", "agent2", AGENT2)));
        }).when(kpis).report(any(), any(), eq(KpiGrouping.AGENT), isNull(), isNull());
        when(keywords.top(any(), any(), anyInt())).thenReturn(TOP);
    }
}
