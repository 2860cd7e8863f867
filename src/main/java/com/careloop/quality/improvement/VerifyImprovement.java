package com.careloop.quality.improvement;

import static com.careloop.quality.improvement.ImprovementVariables.*;

import com.careloop.quality.KpiReport;
import com.careloop.quality.QualityKpis;
import com.careloop.quality.alert.QualityMetric;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "计算改进前后指标 Compute the KPI before and after": after the verification period, the target KPI over the period
 * before the action started (same length) and over the verification period (from the day the owner was done), both
 * through {@link QualityKpis}; stores them with the verdict ({@link Verification}) for the manager's review.
 */
@Component("verifyImprovement")
class VerifyImprovement implements JavaDelegate {

    private final ImprovementActions actions;
    private final QualityKpis kpis;
    private final Clock clock;

    VerifyImprovement(ImprovementActions actions, QualityKpis kpis, Clock clock) {
        this.actions = actions;
        this.kpis = kpis;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ImprovementAction a = actions.byNumber(execution.getProcessBusinessKey());
        QualityMetric metric = QualityMetric.of(a.getTargetMetric());
        int days = ((Number) execution.getVariable(PERIOD_DAYS)).intValue();
        LocalDate started = a.getStartedAt().atZone(clock.getZone()).toLocalDate();
        LocalDate done = a.getDoneAt().atZone(clock.getZone()).toLocalDate();
        LocalDate beforeFrom = started.minusDays(days);
        LocalDate afterTo = done.plusDays(days);
        Verification v = new Verification(value(metric, beforeFrom, started), value(metric, done, afterTo),
                beforeFrom, started, done, afterTo, a.getTargetDelta());
        actions.verified(a.getNumber(), v);
        execution.setVariable(KPI_BEFORE, v.before());
        execution.setVariable(KPI_AFTER, v.after());
        execution.setVariable("kpiChange", v.change());
        execution.setVariable("beforePeriod", beforeFrom + " – " + started.minusDays(1));
        execution.setVariable("afterPeriod", done + " – " + afterTo.minusDays(1));
        execution.setVariable("kpiBeforeLabel", v.before() == null ? "无数据 no data" : String.valueOf(v.before()));
        execution.setVariable("kpiAfterLabel", v.after() == null ? "无数据 no data" : String.valueOf(v.after()));
        execution.setVariable(TARGET_MET, v.targetMet());
        execution.setVariable(VERDICT_LABEL, v.targetMet() ? "已达成目标 Target met" : "未达成目标 Target not met");
    }

    private Double value(QualityMetric metric, LocalDate from, LocalDate to) {
        KpiReport report = kpis.report(from, to, null, null, null);
        return report == null ? null : metric.value(report.totals());
    }
}
