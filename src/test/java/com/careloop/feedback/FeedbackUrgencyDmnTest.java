package com.careloop.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** bpmn/feedbackUrgency.dmn as a designer may edit it: properties of the table, not single cells. */
class FeedbackUrgencyDmnTest {

    static final Path FILE = Path.of(UrgencySuggestion.RESOURCE);
    static final List<String> SAFETY_WORDS = List.of("起火", "冒烟", "漏电", "爆炸", "安全隐患");

    static Function<UrgencySuggestion.Facts, UrgencySuggestion.Suggested> table;

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream in = new FileInputStream(FILE.toFile())) {
            table = UrgencySuggestion.parse(in, FILE.toString());
        }
    }

    static UrgencySuggestion.Suggested suggest(String words, int contacts, boolean batch) {
        return table.apply(new UrgencySuggestion.Facts(words, contacts, batch));
    }

    @Test
    void everySafetyWordOfTheSeedIsUrgentWhereverItStandsInTheWords() {
        for (String word : SAFETY_WORDS) {
            assertThat(suggest("客户说空调昨晚" + word + "了，很害怕", 1, false).urgency()).as(word).isEqualTo(Urgency.URGENT);
            assertThat(suggest("客户说空调昨晚" + word + "了，很害怕", 1, false).reason()).as(word).contains(word);
        }
    }

    @Test
    void theThirdContactOnTheSameMatterIsUrgentTheSecondIsNot() {
        assertThat(suggest("还是不制冷", 2, false).urgency()).isNotEqualTo(Urgency.URGENT);
        assertThat(suggest("还是不制冷", 3, false).urgency()).isEqualTo(Urgency.URGENT);
        assertThat(suggest("还是不制冷", 7, false).urgency()).isEqualTo(Urgency.URGENT);
    }

    @Test
    void aSuspectedBatchProblemIsUrgent() {
        assertThat(suggest("不制冷", 1, true).urgency()).isEqualTo(Urgency.URGENT);
    }

    @Test
    void everythingElseGetsASuggestionWithAReason() {
        UrgencySuggestion.Suggested plain = suggest("希望周末上门安装", 1, false);
        assertThat(plain.urgency()).isEqualTo(Urgency.NORMAL);
        assertThat(plain.reason()).isNotBlank();
        assertThat(suggest("", 1, false).urgency()).isEqualTo(Urgency.NORMAL);
    }

    @Test
    void everyRuleSaysWhyInBothLanguagesAndTheTableHasItsDiagram() throws IOException {
        DmnModelInstance model = Dmn.readModelFromStream(Files.newInputStream(FILE));
        DecisionTable t = model.getModelElementsByType(DecisionTable.class).iterator().next();
        assertThat(t.getRules()).isNotEmpty();
        for (Rule rule : t.getRules()) {
            assertThat(rule.getDescription()).as(rule.getId()).isNotNull();
            assertThat(rule.getDescription().getTextContent()).as(rule.getId()).containsPattern("\\p{IsHan}").containsPattern("[A-Za-z]{3,}");
        }
        assertThat(Files.readString(FILE)).contains("dmndi:DMNShape");
    }
}
