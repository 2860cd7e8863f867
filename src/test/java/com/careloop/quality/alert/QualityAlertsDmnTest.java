package com.careloop.quality.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.identity.CareLoopGroups;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Properties of bpmn/qualityAlerts.dmn that hold whatever rows a designer adds: every row parses to a rule (known
 * metric, valid scope, numeric threshold, known comparison), names a contract group, has a description, and the
 * ids are unique; the shipped rules of issue 7 are there in substance.
 */
class QualityAlertsDmnTest {

    static final Path FILE = Path.of("bpmn/qualityAlerts.dmn");
    static List<AlertRule> rules;
    static DecisionTable table;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = Files.newInputStream(FILE)) {
            rules = AlertRules.parse(in, FILE.toString());
        }
        DmnModelInstance model = Dmn.readModelFromFile(FILE.toFile());
        table = model.getModelElementsByType(DecisionTable.class).iterator().next();
    }

    @Test
    void everyRowIsOneRuleOfAKnownScope() {
        assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.COLLECT);
        assertThat(rules).hasSize(table.getRules().size());
        for (Rule row : table.getRules()) {
            String scope = row.getInputEntries().iterator().next().getTextContent().replace("\"", "").trim();
            assertThat(AlertScope.of(scope)).as(row.getId()).isNotNull();
            assertThat(row.getDescription()).as("description of " + row.getId()).isNotNull();
            assertThat(row.getDescription().getTextContent()).as(row.getId()).matches(".*\\p{IsHan}.*").matches(".*[A-Za-z]{3,}.*");
        }
        assertThat(rules.stream().map(AlertRule::id).collect(Collectors.toSet())).hasSize(rules.size());
    }

    @Test
    void everyRuleIsMeasurable() {
        Set<String> groups = CareLoopGroups.ALL.stream().map(CareLoopGroups.GroupInfo::id).collect(Collectors.toSet());
        for (AlertRule r : rules) {
            assertThat(r.candidateGroup()).as(r.id()).isIn(groups).isNotEqualTo(CareLoopGroups.ADMIN);
            assertThat(Double.isFinite(r.threshold())).as(r.id()).isTrue();
            if (r.metric().windowed()) {
                assertThat(r.windowDays()).as(r.id() + " window").isPositive();
            } else {
                assertThat(r.windowDays()).as(r.id() + ": a now metric has window 0").isZero();
            }
            if (!r.metric().surveyBased()) {
                assertThat(r.minSample()).as(r.id() + ": the minimum sample counts survey answers").isZero();
            }
            if (r.metric() == QualityMetric.URGENT_OVERDUE) {
                assertThat(r.scope()).as(r.id() + ": urgent items belong to teams").isNotEqualTo(AlertScope.AGENT);
            }
            if (r.scope() == AlertScope.TEAM) {
                assertThat(r.candidateGroup()).as(r.id() + ": team alerts go to the supervisors").isEqualTo(CareLoopGroups.CS_SUPERVISORS);
            }
        }
    }

    @Test
    void theRulesOfTheIssueAreShipped() {
        assertThat(rules).anySatisfy(r -> {
            assertThat(r.metric()).isEqualTo(QualityMetric.CSAT);
            assertThat(r.scope()).isEqualTo(AlertScope.ALL);
            assertThat(r.comparison().holds(79.9, r.threshold())).isTrue();
        });
        assertThat(rules).anySatisfy(r -> {
            assertThat(r.metric()).isEqualTo(QualityMetric.BACKLOG);
            assertThat(r.scope()).isEqualTo(AlertScope.TEAM);
        });
        assertThat(rules).anySatisfy(r -> assertThat(r.metric()).isEqualTo(QualityMetric.URGENT_OVERDUE));
        assertThat(rules).anySatisfy(r -> assertThat(r.metric()).isEqualTo(QualityMetric.NPS));
        assertThat(rules).anySatisfy(r -> {
            assertThat(r.metric()).isEqualTo(QualityMetric.CSAT);
            assertThat(r.scope()).isEqualTo(AlertScope.AGENT);
        });
    }

    @Test
    void aBreachNeedsTheMinimumSample() {
        for (AlertRule r : rules) {
            if (r.metric().surveyBased() && r.minSample() > 0) {
                double breaching = r.comparison() == Comparison.LT || r.comparison() == Comparison.LE ? r.threshold() - 1 : r.threshold() + 1;
                assertThat(new Measurement(r, "all", "all", breaching, (long) r.minSample() - 1).state()).as(r.id()).isEqualTo(Measurement.State.UNKNOWN);
                assertThat(new Measurement(r, "all", "all", breaching, (long) r.minSample()).state()).as(r.id()).isEqualTo(Measurement.State.BREACHED);
                assertThat(new Measurement(r, "all", "all", null, (long) r.minSample()).state()).as(r.id()).isEqualTo(Measurement.State.UNKNOWN);
            }
        }
    }
}
