package com.careloop.quality.alert;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Service task "评估告警规则 Evaluate the alert rules" of bpmn/qualityWatch.bpmn: measures every rule of
 * bpmn/qualityAlerts.dmn; a breached unit without an open alert raises one (process qualityAlert), a unit back within
 * its threshold closes its open alert by message. A "now" metric's unit that no longer shows up (a team whose backlog
 * went to zero) counts as recovered; a unit without data or below the minimum sample changes nothing. Safe to run
 * twice: the open alert is looked up first and the database allows one per rule and scope.
 */
@Component("evaluateQualityAlerts")
class EvaluateQualityAlerts implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluateQualityAlerts.class);

    private final AlertRules rules;
    private final QualityMeasurer measurer;
    private final QualityAlerts alerts;

    EvaluateQualityAlerts(AlertRules rules, QualityMeasurer measurer, QualityAlerts alerts) {
        this.rules = rules;
        this.measurer = measurer;
        this.alerts = alerts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<AlertRule> all = rules.all();
        List<Measurement> measurements = measurer.measure(all);
        int breached = 0;
        int raised = 0;
        int recovered = 0;
        Set<String> measured = new HashSet<>();
        for (Measurement m : measurements) {
            measured.add(QualityAlert.openKey(m.rule().id(), m.scopeKey()));
            switch (m.state()) {
                case BREACHED -> {
                    breached++;
                    if (alerts.raise(m).isPresent()) {
                        raised++;
                    }
                }
                case OK -> {
                    if (alerts.recovered(m.rule().id(), m.scopeKey())) {
                        recovered++;
                    }
                }
                case UNKNOWN -> { }
            }
        }
        Map<String, AlertRule> byId = all.stream().collect(Collectors.toMap(AlertRule::id, Function.identity(), (a, b) -> a));
        for (QualityAlert open : alerts.open()) {
            AlertRule rule = byId.get(open.getRuleId());
            if (rule != null && !rule.metric().windowed() && !measured.contains(QualityAlert.openKey(open.getRuleId(), open.getScopeKey()))
                    && alerts.recovered(open.getRuleId(), open.getScopeKey())) {
                recovered++;
            }
        }
        LOG.info("quality watch: {} rules, {} units measured, {} breached, {} alerts raised, {} recovered",
                all.size(), measurements.size(), breached, raised, recovered);
        execution.setVariable("rulesEvaluated", all.size());
        execution.setVariable("alertsRaised", raised);
        execution.setVariable("alertsRecovered", recovered);
    }
}
