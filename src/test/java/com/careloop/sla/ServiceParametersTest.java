package com.careloop.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careloop.sla.ServiceParameters.Parameter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * bpmn/serviceParameters.dmn, the parameters designers own: every parameter Java reads has exactly one valid row,
 * every row is one Java reads, and a percentage in a model's labels is the value the engine uses. No value is
 * pinned: a designer may set any valid one.
 */
class ServiceParametersTest {

    static final Path FILE = Path.of(ServiceParameters.RESOURCE);
    static ServiceParameters parameters;
    static DecisionTable table;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = Files.newInputStream(FILE)) {
            parameters = ServiceParameters.fromModel(in, FILE.toString());
        }
        try (InputStream in = Files.newInputStream(FILE)) {
            table = Dmn.readModelFromStream(in).getModelElementsByType(DecisionTable.class).iterator().next();
        }
    }

    static String key(Rule rule) {
        return rule.getInputEntries().iterator().next().getText().getTextContent().trim().replace("\"", "");
    }

    @Test
    void isAUniqueLookupTable() {
        assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.UNIQUE);
        assertThat(table.getInputs()).hasSize(1);
        assertThat(table.getOutputs()).hasSize(1);
    }

    @Test
    void everyParameterHasExactlyOneRowWithAValidValue() {
        List<String> keys = table.getRules().stream().map(ServiceParametersTest::key).toList();
        for (Parameter p : Parameter.values()) {
            assertThat(keys).as("rows for " + p.key()).containsOnlyOnce(p.key());
            assertThat(parameters.value(p)).as(p.key()).isNotNull();
        }
        assertThat(keys).as("rows nobody reads (a typo in a key?)")
                .allSatisfy(k -> assertThat(Stream.of(Parameter.values()).map(Parameter::key)).contains(k));
    }

    @Test
    void everyRowSaysWhatItMeans() {
        for (Rule rule : table.getRules()) {
            assertThat(rule.getDescription()).as(key(rule) + ": annotation").isNotNull();
            assertThat(rule.getDescription().getTextContent()).as(key(rule) + ": annotation").isNotBlank();
        }
    }

    @Test
    void feedbackTaskPriorityRanksUrgentAboveNormalAboveLow() {
        assertThat(parameters.feedbackTaskPriority("URGENT")).isGreaterThan(parameters.feedbackTaskPriority("NORMAL"));
        assertThat(parameters.feedbackTaskPriority("NORMAL")).isGreaterThan(parameters.feedbackTaskPriority("LOW"));
    }

    @Test
    void callingHoursStartBeforeTheyEnd() {
        assertThat(parameters.callingHoursStart()).isBefore(parameters.callingHoursEnd());
    }

    @Test
    void aBadValueIsRefusedNamingTheParameter() {
        String dmn = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="n">
                  <decision id="serviceParameters" name="p"><decisionTable id="t" hitPolicy="UNIQUE">
                    <input id="i"><inputExpression id="ie" typeRef="string"><text>parameter</text></inputExpression></input>
                    <output id="o" name="value" typeRef="string" />
                    <rule id="r"><inputEntry id="r1"><text>"feedback.reminderAt"</text></inputEntry>
                      <outputEntry id="r2"><text>"80"</text></outputEntry></rule>
                  </decisionTable></decision>
                </definitions>""";
        assertThatThrownBy(() -> ServiceParameters.parse(new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8)), "x"))
                .hasMessageContaining("feedback.reminderAt").hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> ServiceParameters.of(Map.of(Parameter.FOLLOW_UP_RETRY_INTERVAL, "2 hours")))
                .hasMessageContaining("followUp.retryInterval").hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> ServiceParameters.of(Map.of(Parameter.FOLLOW_UP_MAX_ATTEMPTS, "0")))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> ServiceParameters.of(Map.of()).coolingPeriod()).hasMessageContaining("screening.coolingPeriod");
    }

    @Test
    void aSettingStillInTheConfigurationStopsTheStart() {
        MockEnvironment env = new MockEnvironment().withProperty("careloop.feedback.reminder-at", "0.9");
        assertThatThrownBy(() -> new ServiceParameters((org.camunda.bpm.engine.RepositoryService) null, (org.camunda.bpm.engine.IdentityService) null, env))
                .hasMessageContaining("careloop.feedback.reminder-at -> feedback.reminderAt")
                .hasMessageContaining(ServiceParameters.RESOURCE);
    }

    static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");

    /** "响应时限 80% 提醒 Response SLA 80%" must say the reminder point the engine uses. */
    @Test
    void aPercentageInAModelsLabelsIsTheReminderPointTheEngineUses() throws IOException {
        double percent = parameters.reminderAt() * 100;
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                for (FlowElement e : model.getModelElementsByType(FlowElement.class)) {
                    if (e.getName() == null) {
                        continue;
                    }
                    Matcher m = PERCENT.matcher(e.getName());
                    while (m.find()) {
                        assertThat(Double.parseDouble(m.group(1)))
                                .as(file.getFileName() + " " + e.getId() + " \"" + e.getName() + "\" vs feedback.reminderAt = "
                                        + parameters.reminderAt() + " in " + FILE + ": rename the element or change the value")
                                .isCloseTo(percent, org.assertj.core.data.Offset.offset(1e-9));
                    }
                }
            }
        }
    }
}
