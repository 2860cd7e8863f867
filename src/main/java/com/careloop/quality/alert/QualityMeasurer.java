package com.careloop.quality.alert;

import com.careloop.quality.KpiGroup;
import com.careloop.quality.KpiGrouping;
import com.careloop.quality.KpiReport;
import com.careloop.quality.OpenFeedback;
import com.careloop.quality.QualityKpis;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Measures alert rules: windowed metrics over the last {@code windowDays} days up to and including today (Asia/Shanghai,
 * the application clock's zone) through {@link QualityKpis} — totals for scope all, groups by team or agent — and
 * urgentOverdue from the same open-items read model that gives {@code backlog} and {@code overdue} ({@link OpenFeedback}).
 * One KPI report per window and grouping per call.
 */
@Component
public class QualityMeasurer {

    private final QualityKpis kpis;
    private final OpenFeedback openFeedback;
    private final Clock clock;

    public QualityMeasurer(QualityKpis kpis, OpenFeedback openFeedback, Clock clock) {
        this.kpis = kpis;
        this.openFeedback = openFeedback;
        this.clock = clock;
    }

    public List<Measurement> measure(List<AlertRule> rules) {
        LocalDate today = LocalDate.now(clock);
        Map<String, KpiReport> reports = new HashMap<>();
        List<Measurement> out = new ArrayList<>();
        for (AlertRule rule : rules) {
            if (rule.metric() == QualityMetric.URGENT_OVERDUE) {
                measureUrgentOverdue(rule, reports.computeIfAbsent(today + "|" + KpiGrouping.TEAM,
                        k -> kpis.report(today, today.plusDays(1), KpiGrouping.TEAM, null, null)), out);
                continue;
            }
            int days = Math.max(1, rule.windowDays());
            LocalDate from = today.minusDays(days - 1L);
            LocalDate to = today.plusDays(1);
            KpiGrouping grouping = switch (rule.scope()) {
                case ALL -> null;
                case TEAM -> KpiGrouping.TEAM;
                case AGENT -> KpiGrouping.AGENT;
            };
            KpiReport report = reports.computeIfAbsent(from + "|" + grouping, k -> kpis.report(from, to, grouping, null, null));
            if (rule.scope() == AlertScope.ALL) {
                out.add(new Measurement(rule, "all", "全部 All", rule.metric().value(report.totals()),
                        report.totals() == null ? null : report.totals().surveys()));
            } else if (report.groups() != null) {
                for (KpiGroup group : report.groups()) {
                    out.add(new Measurement(rule, rule.scope().unit(group.key()), group.label(), rule.metric().value(group.kpis()),
                            group.kpis() == null ? null : group.kpis().surveys()));
                }
            }
        }
        return out;
    }

    private void measureUrgentOverdue(AlertRule rule, KpiReport teams, List<Measurement> out) {
        if (rule.scope() == AlertScope.ALL) {
            out.add(new Measurement(rule, "all", "全部 All", (double) openFeedback.overdue(URGENT, null), null));
        } else if (rule.scope() == AlertScope.TEAM && teams.groups() != null) {
            for (KpiGroup team : teams.groups()) {
                out.add(new Measurement(rule, rule.scope().unit(team.key()), team.label(),
                        (double) openFeedback.overdue(URGENT, team.key()), null));
            }
        }
        // per agent: urgent items are owned by teams, not agents; such a rule measures nothing
    }

    private static final String URGENT = "URGENT";
}
