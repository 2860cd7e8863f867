package com.careloop.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.followup.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The compiled fast path of the screening rules agrees with the DMN engine, and steps aside for FEEL it does not know. */
class CompiledRulesTest {

    static final Path DMN = Path.of("bpmn/screeningRules.dmn");

    @Test
    void theDeployedTableCompilesAndAgreesWithTheDmnEngine() throws Exception {
        byte[] xml = Files.readAllBytes(DMN);
        ScreeningRules rules = new ScreeningRules(null, null);
        ScreeningRules.Table fast = rules.table(xml, 1);
        assertThat(fast.isCompiled()).isTrue();
        ScreeningRules.Table exact = new ScreeningRules.Table(ScreeningRules.engine(),
                ScreeningRules.engine().parseDecision("screeningRules", new java.io.ByteArrayInputStream(xml)), null);
        Random random = new Random(7);
        for (int i = 0; i < 5000; i++) {
            Integer[] d = new Integer[5];
            for (int k = 0; k < 5; k++) {
                d[k] = random.nextInt(8) == 0 ? null : random.nextInt(200) - 5;
            }
            String tier = random.nextBoolean() ? "VIP" : "STANDARD";
            assertThat(fast.evaluate(d[0], d[1], d[2], d[3], d[4], tier)).isEqualTo(exact.evaluate(d[0], d[1], d[2], d[3], d[4], tier));
        }
        assertThat(fast.evaluate(null, null, 2, null, 99999, "STANDARD").scenario()).isEqualTo(Scenario.POST_RESOLUTION);
    }

    @Test
    void feelBeyondTheSimpleFormsIsLeftToTheDmnEngine() throws Exception {
        String xml = Files.readString(DMN).replaceFirst("<text>\\[0\\.\\.3\\]</text>", "<text>not([4..10])</text>");
        assertThat(xml).contains("not([4..10])");
        assertThat(CompiledRules.compile(new java.io.ByteArrayInputStream(xml.getBytes()), "screeningRules")).isNull();
        ScreeningRules.Table table = new ScreeningRules(null, null).table(xml.getBytes(), 2);
        assertThat(table.isCompiled()).isFalse();
        assertThat(table.evaluate(null, null, 2, null, 99999, "STANDARD").scenario()).isEqualTo(Scenario.POST_RESOLUTION);
    }

    @Test
    void unaryTests() {
        Predicate<Object> range = CompiledRules.unaryTests("[1..7]");
        assertThat(range.test(1)).isTrue();
        assertThat(range.test(7)).isTrue();
        assertThat(range.test(8)).isFalse();
        assertThat(range.test(null)).isFalse();
        Predicate<Object> open = CompiledRules.unaryTests("]1..7[");
        assertThat(open.test(1)).isFalse();
        assertThat(open.test(2)).isTrue();
        assertThat(CompiledRules.unaryTests(">= 30").test(30)).isTrue();
        assertThat(CompiledRules.unaryTests("< 30").test(30)).isFalse();
        assertThat(CompiledRules.unaryTests("\"VIP\", \"GOLD\"").test("GOLD")).isTrue();
        assertThat(CompiledRules.unaryTests("\"VIP\"").test("STANDARD")).isFalse();
        assertThat(CompiledRules.unaryTests("-").test(null)).isTrue();
        assertThat(CompiledRules.unaryTests("null, > 5").test(null)).isTrue();
        assertThat(CompiledRules.unaryTests("date(\"2026-01-01\")")).isNull();
    }
}
