package com.careloop.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careloop.engine.PersonalFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Properties of bpmn/callReviewScorecard.dmn and the scoring that hold whatever a designer sets: unique keys,
 * positive weights, bilingual labels, a pass mark in (0, 100]; all 2 is 100 % and passes, all 0 fails; a critical
 * criterion at 0 fails whatever the total; the forms carry a score and a comment field per criterion and the comments
 * never reach history. The shipped table has the seven criteria of issue 15 and a pass mark of 80 %.
 */
class CallReviewScorecardTest {

    static Scorecard card;

    @BeforeAll
    static void read() throws Exception {
        card = ScorecardTable.parse(Files.readAllBytes(Path.of("bpmn/callReviewScorecard.dmn")));
    }

    static Map<String, Integer> all(int score) {
        Map<String, Integer> m = new HashMap<>();
        card.criteria().forEach(c -> m.put(c.key(), score));
        return m;
    }

    @Test
    void theTableIsWellFormed() {
        Set<String> keys = new HashSet<>();
        for (Criterion c : card.criteria()) {
            assertThat(keys.add(c.key())).as("unique key " + c.key()).isTrue();
            assertThat(c.key()).matches("[a-z][A-Za-z0-9]*");
            assertThat(c.weight()).as(c.key()).isPositive();
            assertThat(c.label()).as(c.key()).matches(".*\\p{IsHan}.*").matches(".*[A-Za-z]{3,}.*");
        }
        assertThat(card.passMark()).isGreaterThan(0).isLessThanOrEqualTo(100);
    }

    @Test
    void theShippedScorecardOfTheIssue() {
        assertThat(card.criteria()).extracting(Criterion::label).hasSize(7).anySatisfy(l -> assertThat(l).startsWith("开场问候与身份说明"))
                .anySatisfy(l -> assertThat(l).startsWith("征得客户同意")).anySatisfy(l -> assertThat(l).startsWith("按提纲逐项提问"))
                .anySatisfy(l -> assertThat(l).startsWith("复述确认关键信息")).anySatisfy(l -> assertThat(l).startsWith("情绪安抚与不推诿"))
                .anySatisfy(l -> assertThat(l).startsWith("结束致谢与后续承诺")).anySatisfy(l -> assertThat(l).startsWith("记录完整准确"));
        assertThat(card.passMark()).isEqualTo(80.0);
        assertThat(card.criteria()).anyMatch(Criterion::critical);
    }

    @Test
    void fullMarksPassAndNoneFail() {
        assertThat(card.score(all(2))).isEqualTo(new Scorecard.Result(100.0, false, true));
        Scorecard.Result none = card.score(all(0));
        assertThat(none.percent()).isZero();
        assertThat(none.passed()).isFalse();
        assertThat(card.score(all(1)).percent()).isEqualTo(50.0);
        assertThat(card.score(all(1)).passed()).as("50 %% is below the pass mark %s", card.passMark()).isFalse();
    }

    @Test
    void aCriticalZeroFailsWhateverTheTotal() {
        for (Criterion critical : card.criteria().stream().filter(Criterion::critical).toList()) {
            Map<String, Integer> scores = all(2);
            scores.put(critical.key(), 0);
            Scorecard.Result r = card.score(scores);
            assertThat(r.criticalFailed()).isTrue();
            assertThat(r.passed()).as(critical.key() + " at 0, total " + r.percent()).isFalse();
        }
        Criterion lightest = card.criteria().stream().filter(c -> !c.critical()).min(Comparator.comparingDouble(Criterion::weight)).orElseThrow();
        Map<String, Integer> scores = all(2);
        scores.put(lightest.key(), 0);
        Scorecard.Result r = card.score(scores);
        assertThat(r.criticalFailed()).isFalse();
        assertThat(r.passed()).isEqualTo(r.percent() >= card.passMark());
    }

    @Test
    void everyCriterionMustBeScoredZeroToTwo() {
        Map<String, Integer> scores = all(2);
        scores.remove(card.criteria().get(0).key());
        assertThatThrownBy(() -> card.score(scores)).isInstanceOf(IllegalArgumentException.class);
        Map<String, Integer> three = all(3);
        assertThatThrownBy(() -> card.score(three)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFormsCarryEveryCriterionAndTheCommentsNeverReachHistory() throws Exception {
        for (String form : new String[] {"callReview", "decideAppeal"}) {
            Set<String> keys = new HashSet<>();
            for (JsonNode c : new ObjectMapper().readTree(Path.of("bpmn/forms/" + form + ".form").toFile()).get("components")) {
                if (c.has("key")) {
                    keys.add(c.get("key").asText());
                }
            }
            for (Criterion c : card.criteria()) {
                assertThat(keys).as(form).contains(c.scoreField(), c.commentField());
            }
        }
        for (Criterion c : card.criteria()) {
            assertThat(PersonalFields.isPersonal(c.commentField())).as(c.commentField()).isTrue();
        }
    }
}
