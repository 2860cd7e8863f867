package com.careloop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormInputTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    enum Color { RED, GREEN, BLUE }

    /** A read-only VariableScope over a map (null values allowed). */
    static VariableScope scope(Object... keysAndValues) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            vars.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return (VariableScope) Proxy.newProxyInstance(VariableScope.class.getClassLoader(), new Class<?>[] {VariableScope.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getVariable", "getVariableLocal" -> vars.get((String) args[0]);
                    case "hasVariable", "hasVariableLocal" -> vars.containsKey((String) args[0]);
                    case "getVariables", "getVariablesLocal" -> Map.copyOf(vars);
                    case "getVariableNames", "getVariableNamesLocal" -> vars.keySet();
                    case "toString" -> "VariableScope" + vars;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static FormInput input(Object... keysAndValues) {
        return new FormInput(scope(keysAndValues), SHANGHAI);
    }

    static Map<String, Object> errorsOf(FormInput in) {
        try {
            in.validate();
        } catch (FormFieldValidationException e) {
            return e.getDetail();
        }
        return Map.of();
    }

    @Nested
    class Enums {

        @Test
        void requiredEnumIsCaseInsensitiveAndTrimmed() {
            FormInput in = input("color", " green ");
            assertThat(in.requiredEnum("color", Color.class)).isEqualTo(Color.GREEN);
            assertThat(in.hasErrors()).isFalse();
        }

        @Test
        void requiredEnumMissingOrBlankIsRequired() {
            FormInput in = input("blank", "  ");
            assertThat(in.requiredEnum("missing", Color.class)).isNull();
            assertThat(in.requiredEnum("blank", Color.class)).isNull();
            assertThat(errorsOf(in)).containsEntry("missing", "is required").containsEntry("blank", "is required");
        }

        @Test
        void badEnumValueListsTheAllowedValues() {
            FormInput in = input("color", "purple");
            assertThat(in.requiredEnum("color", Color.class)).isNull();
            assertThat(errorsOf(in)).containsOnly(Map.entry("color", "must be one of [RED, GREEN, BLUE] but was 'purple'"));
        }

        @Test
        void optionalEnumMissingIsNullWithoutError() {
            FormInput in = input("color", "");
            assertThat(in.optionalEnum("color", Color.class)).isNull();
            assertThat(in.optionalEnum("other", Color.class)).isNull();
            assertThat(in.hasErrors()).isFalse();
        }

        @Test
        void optionalEnumAcceptsLowerCaseAndRejectsUnknown() {
            FormInput in = input("a", "blue", "b", "BLUISH");
            assertThat(in.optionalEnum("a", Color.class)).isEqualTo(Color.BLUE);
            assertThat(in.optionalEnum("b", Color.class)).isNull();
            assertThat(errorsOf(in)).containsOnlyKeys("b");
            assertThat((String) errorsOf(in).get("b")).contains("RED", "GREEN", "BLUE", "'BLUISH'");
        }
    }

    @Nested
    class Integers {

        @Test
        void acceptsWholeNumbersOfAnyNumericTypeOrText() {
            FormInput in = input("int", 4, "long", 4L, "double", 4.0, "text", "4", "padded", " 5 ", "textDecimal", "3.0");
            assertThat(in.requiredInt("int", 1, 5)).isEqualTo(4);
            assertThat(in.requiredInt("long", 1, 5)).isEqualTo(4);
            assertThat(in.requiredInt("double", 1, 5)).isEqualTo(4);
            assertThat(in.requiredInt("text", 1, 5)).isEqualTo(4);
            assertThat(in.requiredInt("padded", 1, 5)).isEqualTo(5);
            assertThat(in.requiredInt("textDecimal", 1, 5)).isEqualTo(3);
            assertThat(in.hasErrors()).isFalse();
        }

        @Test
        void rangeBoundsAreInclusive() {
            FormInput in = input("low", 0, "high", 10);
            assertThat(in.requiredInt("low", 0, 10)).isZero();
            assertThat(in.requiredInt("high", 0, 10)).isEqualTo(10);
            assertThat(in.hasErrors()).isFalse();
        }

        @Test
        void rejectsFractions() {
            FormInput in = input("double", 4.5, "text", "4.5");
            assertThat(in.requiredInt("double", 1, 5)).isNull();
            assertThat(in.requiredInt("text", 1, 5)).isNull();
            assertThat(errorsOf(in))
                    .containsEntry("double", "must be a whole number between 1 and 5 but was 4.5")
                    .containsEntry("text", "must be a whole number between 1 and 5 but was 4.5");
        }

        @Test
        void rejectsOutOfRange() {
            FormInput in = input("tooLow", 0, "tooHigh", 6L, "textHigh", "11");
            assertThat(in.requiredInt("tooLow", 1, 5)).isNull();
            assertThat(in.optionalInt("tooHigh", 1, 5)).isNull();
            assertThat(in.optionalInt("textHigh", 0, 10)).isNull();
            assertThat(errorsOf(in)).containsOnlyKeys("tooLow", "tooHigh", "textHigh");
            assertThat((String) errorsOf(in).get("tooLow")).isEqualTo("must be a whole number between 1 and 5 but was 0");
        }

        @ParameterizedTest
        @ValueSource(strings = {"four", "4a", "NaN", "Infinity"})
        void rejectsNonNumbers(String raw) {
            FormInput in = input("n", raw);
            assertThat(in.requiredInt("n", 1, 5)).isNull();
            assertThat(errorsOf(in)).containsOnlyKeys("n");
            assertThat((String) errorsOf(in).get("n")).startsWith("must be a whole number between 1 and 5").contains(raw);
        }

        @Test
        void requiredIntMissingOrBlankIsRequired() {
            FormInput in = input("blank", " ");
            assertThat(in.requiredInt("blank", 1, 5)).isNull();
            assertThat(in.requiredInt("missing", 1, 5)).isNull();
            assertThat(errorsOf(in)).containsOnly(Map.entry("blank", "is required"), Map.entry("missing", "is required"));
        }

        @Test
        void optionalIntMissingOrBlankIsNullWithoutError() {
            FormInput in = input("blank", "");
            assertThat(in.optionalInt("blank", 1, 5)).isNull();
            assertThat(in.optionalInt("missing", 1, 5)).isNull();
            assertThat(in.hasErrors()).isFalse();
        }
    }

    @Nested
    class Booleans {

        @Test
        void readsBooleansAndTrueFalseText() {
            FormInput in = input("t", "true", "f", "false", "upper", " TRUE ", "obj", Boolean.TRUE, "objFalse", Boolean.FALSE);
            assertThat(in.bool("t")).isTrue();
            assertThat(in.bool("f")).isFalse();
            assertThat(in.bool("upper")).isTrue();
            assertThat(in.bool("obj")).isTrue();
            assertThat(in.bool("objFalse")).isFalse();
            assertThat(in.hasErrors()).isFalse();
        }

        @Test
        void missingOrEmptyIsFalse() {
            FormInput in = input("empty", "");
            assertThat(in.bool("missing")).isFalse();
            assertThat(in.bool("empty")).isFalse();
            assertThat(in.hasErrors()).isFalse();
        }

        @Test
        void garbageIsAnError() {
            FormInput in = input("b", "yes");
            assertThat(in.bool("b")).isFalse();
            assertThat(errorsOf(in)).containsOnly(Map.entry("b", "must be true or false but was 'yes'"));
        }

        @Test
        void optionalBoolIsNullOnlyWhenNotSubmitted() {
            FormInput in = input("t", true, "f", "false");
            assertThat(in.optionalBool("missing")).isNull();
            assertThat(in.optionalBool("t")).isTrue();
            assertThat(in.optionalBool("f")).isFalse();
            assertThat(input("blank", " ").optionalBool("blank")).as("blank is not an answer").isNull();
            assertThat(in.hasErrors()).isFalse();
        }
    }

    @Nested
    class Texts {

        @Test
        void textIsStripped() {
            FormInput in = input("t", "  服务很好 \n");
            assertThat(in.text("t", 10, true)).isEqualTo("服务很好");
        }

        @Test
        void requiredTextMissingOrBlankIsAnError() {
            FormInput in = input("blank", " \t ");
            assertThat(in.text("blank", 10, true)).isNull();
            assertThat(in.text("missing", 10, true)).isNull();
            assertThat(errorsOf(in)).containsOnly(Map.entry("blank", "is required"), Map.entry("missing", "is required"));
        }

        @Test
        void optionalTextMissingIsNullWithoutError() {
            FormInput in = input("blank", "");
            assertThat(in.text("blank", 10, false)).isNull();
            assertThat(in.text("missing", 10, false)).isNull();
            assertThat(in.hasErrors()).isFalse();
        }

        @Test
        void maxLengthIsInclusiveAndCountedAfterStripping() {
            FormInput in = input("ok", " 12345 ", "tooLong", "123456");
            assertThat(in.text("ok", 5, true)).isEqualTo("12345");
            assertThat(in.text("tooLong", 5, false)).isNull();
            assertThat(errorsOf(in)).containsOnly(Map.entry("tooLong", "must be at most 5 characters but has 6"));
        }
    }

    @Nested
    class DateTimes {

        @Test
        void isoWithOffset() {
            FormInput in = input("d", "2026-05-01T10:00+08:00");
            assertThat(in.dateTime("d", true)).isEqualTo(Instant.parse("2026-05-01T02:00:00Z"));
        }

        @Test
        void isoInUtc() {
            FormInput in = input("d", "2026-05-01T02:00:00Z");
            assertThat(in.dateTime("d", true)).isEqualTo(Instant.parse("2026-05-01T02:00:00Z"));
        }

        @Test
        void localDateTimeIsReadInTheGivenZone() {
            assertThat(input("d", "2026-05-01T10:00").dateTime("d", true)).isEqualTo(Instant.parse("2026-05-01T02:00:00Z"));
            assertThat(new FormInput(scope("d", "2026-05-01T10:00"), ZoneId.of("UTC")).dateTime("d", true))
                    .isEqualTo(Instant.parse("2026-05-01T10:00:00Z"));
        }

        @Test
        void javaUtilDateIsTakenAsIs() {
            Instant instant = Instant.parse("2026-05-01T02:00:00Z");
            assertThat(input("d", Date.from(instant)).dateTime("d", true)).isEqualTo(instant);
        }

        @ParameterizedTest
        @ValueSource(strings = {"tomorrow", "2026-05-01", "2026-13-01T10:00", "01.05.2026 10:00"})
        void garbageIsAnError(String raw) {
            FormInput in = input("d", raw);
            assertThat(in.dateTime("d", false)).isNull();
            assertThat(errorsOf(in)).containsOnly(
                    Map.entry("d", "must be a date-time like 2026-05-01T10:00+08:00 but was '" + raw + "'"));
        }

        @Test
        void requiredDateTimeMissingIsAnErrorOptionalIsNot() {
            FormInput in = input("blank", "");
            assertThat(in.dateTime("missing", false)).isNull();
            assertThat(in.dateTime("blank", false)).isNull();
            assertThat(in.hasErrors()).isFalse();
            assertThat(in.dateTime("missing", true)).isNull();
            assertThat(errorsOf(in)).containsOnly(Map.entry("missing", "is required"));
        }
    }

    @Nested
    class Validation {

        @Test
        void validateNamesEveryBadField() {
            FormInput in = input("color", "purple", "score", 9, "flag", "maybe", "when", "soon");
            in.requiredEnum("color", Color.class);
            in.requiredInt("score", 1, 5);
            in.bool("flag");
            in.text("comment", 100, true);
            in.dateTime("when", true);

            assertThat(in.hasErrors()).isTrue();
            assertThatThrownBy(in::validate)
                    .isInstanceOf(FormFieldValidationException.class)
                    .hasMessageStartingWith("Invalid form input: ")
                    .hasMessageContaining("color must be one of")
                    .hasMessageContaining("score must be a whole number between 1 and 5")
                    .hasMessageContaining("flag must be true or false")
                    .hasMessageContaining("comment is required")
                    .hasMessageContaining("when must be a date-time")
                    .satisfies(e -> assertThat(((FormFieldValidationException) e).<Map<String, Object>>getDetail())
                            .containsOnlyKeys("color", "score", "flag", "comment", "when"));
        }

        @Test
        void firstErrorPerFieldWins() {
            FormInput in = input("score", "x");
            in.requiredInt("score", 1, 5);
            in.error("score", "second message");
            assertThat(errorsOf(in)).containsOnly(Map.entry("score", "must be a whole number between 1 and 5 but was 'x'"));
        }

        @Test
        void validateDoesNotThrowWhenAllFieldsAreGood() {
            FormInput in = input("color", "red", "score", "3", "flag", true, "comment", "ok", "when", "2026-05-01T10:00");
            in.requiredEnum("color", Color.class);
            in.requiredInt("score", 1, 5);
            in.bool("flag");
            in.text("comment", 100, true);
            in.dateTime("when", true);
            assertThat(in.hasErrors()).isFalse();
            assertThatCode(in::validate).doesNotThrowAnyException();
        }

        @Test
        void customErrorIsReported() {
            FormInput in = input();
            in.error("callbackAt", "must be in the future");
            assertThatThrownBy(in::validate).isInstanceOf(FormFieldValidationException.class)
                    .hasMessage("Invalid form input: callbackAt must be in the future");
        }
    }
}
