package com.careloop.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.careloop.feedback.Urgency;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CallReportTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Wednesday 2026-03-04 10:00 in Shanghai. */
    static final Instant NOW = Instant.parse("2026-03-04T02:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, SHANGHAI);

    /** A read-only VariableScope over a map (null values allowed). */
    static VariableScope scope(Map<String, Object> vars) {
        return (VariableScope) Proxy.newProxyInstance(VariableScope.class.getClassLoader(), new Class<?>[] {VariableScope.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getVariable", "getVariableLocal" -> vars.get((String) args[0]);
                    case "hasVariable", "hasVariableLocal" -> vars.containsKey((String) args[0]);
                    case "getVariables", "getVariablesLocal" -> new HashMap<>(vars);
                    case "getVariableNames", "getVariableNamesLocal" -> vars.keySet();
                    case "toString" -> "VariableScope" + vars;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static Map<String, Object> form(Object... keysAndValues) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            vars.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return vars;
    }

    static CallReport read(Map<String, Object> vars) {
        return CallReport.read(scope(vars), CLOCK);
    }

    static Map<String, Object> rejectedFields(Map<String, Object> vars) {
        try {
            read(vars);
        } catch (FormFieldValidationException e) {
            return e.getDetail();
        }
        throw new AssertionError("expected the form to be rejected: " + vars);
    }

    static Map<String, Object> reached() {
        return form("callOutcome", "REACHED", "satisfaction", 4, "nps", 8);
    }

    @Nested
    class Reached {

        @Test
        void readsEveryField() {
            CallReport r = read(form(
                    "callOutcome", "reached",
                    "satisfaction", 4L, "nps", "9",
                    "scoreAttitude", 5, "scoreExpertise", 4.0, "scoreTimeliness", "3", "scoreResolution", 2, "scoreConvenience", 1,
                    "issueResolved", "true",
                    "feedbackType", "suggestion", "feedbackUrgency", "low", "feedbackText", "  希望延长营业时间 ",
                    "purchaseIntent", true, "notes", " called at lunch ", "tags", "vip,repeat"));

            assertThat(r.callOutcome()).isEqualTo(CallOutcome.REACHED);
            assertThat(r.callbackAt()).isNull();
            assertThat(r.satisfaction()).isEqualTo(4);
            assertThat(r.nps()).isEqualTo(9);
            assertThat(r.scoreAttitude()).isEqualTo(5);
            assertThat(r.scoreExpertise()).isEqualTo(4);
            assertThat(r.scoreTimeliness()).isEqualTo(3);
            assertThat(r.scoreResolution()).isEqualTo(2);
            assertThat(r.scoreConvenience()).isEqualTo(1);
            assertThat(r.issueResolved()).isTrue();
            assertThat(r.feedbackType()).isEqualTo(CallFeedbackType.SUGGESTION);
            assertThat(r.feedbackUrgency()).isEqualTo(Urgency.LOW);
            assertThat(r.feedbackText()).isEqualTo("希望延长营业时间");
            assertThat(r.purchaseIntent()).isTrue();
            assertThat(r.notes()).isEqualTo("called at lunch");
            assertThat(r.tags()).isEqualTo("vip,repeat");
        }

        @Test
        void minimalReachedReportHasNoFeedback() {
            CallReport r = read(reached());
            assertThat(r.satisfaction()).isEqualTo(4);
            assertThat(r.nps()).isEqualTo(8);
            assertThat(r.scoreAttitude()).isNull();
            assertThat(r.issueResolved()).isNull();
            assertThat(r.feedbackType()).isEqualTo(CallFeedbackType.NONE);
            assertThat(r.feedbackUrgency()).isNull();
            assertThat(r.feedbackText()).isNull();
            assertThat(r.purchaseIntent()).isFalse();
            assertThat(r.notes()).isNull();
            assertThat(r.tags()).isNull();
        }

        @Test
        void missingSatisfactionAndNpsAreBothReported() {
            assertThat(rejectedFields(form("callOutcome", "REACHED"))).containsOnly(
                    Map.entry("satisfaction", "is required"), Map.entry("nps", "is required"));
        }

        @Test
        void outOfRangeScoresAreReported() {
            Map<String, Object> vars = reached();
            vars.put("satisfaction", 6);
            vars.put("nps", 11);
            vars.put("scoreAttitude", 0);
            assertThat(rejectedFields(vars)).containsOnlyKeys("satisfaction", "nps", "scoreAttitude");
        }

        @Test
        void complaintWithoutTextIsRefused() {
            Map<String, Object> vars = reached();
            vars.put("feedbackType", "COMPLAINT");
            vars.put("feedbackUrgency", "URGENT");
            assertThatThrownBy(() -> read(vars))
                    .isInstanceOf(FormFieldValidationException.class)
                    .hasMessageContaining("feedbackText is required");
        }

        @Test
        void feedbackTypeWithoutUrgencyDefaultsToNormal() {
            Map<String, Object> vars = reached();
            vars.put("feedbackType", "PROBLEM");
            vars.put("feedbackText", "App crashes on login");
            CallReport r = read(vars);
            assertThat(r.feedbackType()).isEqualTo(CallFeedbackType.PROBLEM);
            assertThat(r.feedbackUrgency()).isEqualTo(Urgency.NORMAL);
            assertThat(r.feedbackText()).isEqualTo("App crashes on login");
        }

        @Test
        void noFeedbackTypeIgnoresUrgencyAndText() {
            Map<String, Object> vars = reached();
            vars.put("feedbackType", "NONE");
            vars.put("feedbackUrgency", "URGENT");
            vars.put("feedbackText", "ignored");
            CallReport r = read(vars);
            assertThat(r.feedbackType()).isEqualTo(CallFeedbackType.NONE);
            assertThat(r.feedbackUrgency()).isNull();
            assertThat(r.feedbackText()).isNull();
        }

        @Test
        void unknownFeedbackTypeIsRefused() {
            Map<String, Object> vars = reached();
            vars.put("feedbackType", "PRAISE");
            assertThat(rejectedFields(vars)).containsOnlyKeys("feedbackType");
        }

        @Test
        void everyBadFieldIsNamedAtOnce() {
            Map<String, Object> vars = form("callOutcome", "REACHED", "nps", "ten", "feedbackType", "COMPLAINT",
                    "purchaseIntent", "maybe", "tags", "x".repeat(501));
            assertThat(rejectedFields(vars)).containsOnlyKeys("satisfaction", "nps", "feedbackText", "purchaseIntent", "tags");
        }
    }

    @Nested
    class NotReached {

        @Test
        void missingOutcomeIsRequired() {
            assertThat(rejectedFields(form())).containsOnly(Map.entry("callOutcome", "is required"));
        }

        @Test
        void unknownOutcomeIsRefused() {
            assertThat(rejectedFields(form("callOutcome", "VOICEMAIL"))).containsOnlyKeys("callOutcome");
        }

        @ParameterizedTest
        @EnumSource(value = CallOutcome.class, names = {"NO_ANSWER", "BUSY", "WRONG_NUMBER", "REFUSED"})
        void outcomesOtherThanReachedAndCallBackNeedNothingElse(CallOutcome outcome) {
            CallReport r = read(form("callOutcome", outcome.name(), "satisfaction", 99, "feedbackType", "COMPLAINT"));
            assertThat(r.callOutcome()).isEqualTo(outcome);
            assertThat(r.callbackAt()).isNull();
            assertThat(r.satisfaction()).isNull();
            assertThat(r.nps()).isNull();
            assertThat(r.feedbackType()).isEqualTo(CallFeedbackType.NONE);
            assertThat(r.feedbackUrgency()).isNull();
            assertThat(r.purchaseIntent()).isFalse();
            assertThat(r.isDetractor()).isFalse();
        }

        @Test
        void noAnswerKeepsNotes() {
            CallReport r = read(form("callOutcome", "NO_ANSWER", "notes", " rang 10 times "));
            assertThat(r.notes()).isEqualTo("rang 10 times");
        }

        @Test
        void tooLongNotesAreRefusedWhateverTheOutcome() {
            assertThat(rejectedFields(form("callOutcome", "NO_ANSWER", "notes", "x".repeat(2001)))).containsKey("notes");
        }

        @Test
        void callBackLaterWithoutCallbackAtIsRefused() {
            assertThat(rejectedFields(form("callOutcome", "CALL_BACK_LATER")))
                    .containsOnly(Map.entry("callbackAt", "is required"));
        }

        @ParameterizedTest
        @CsvSource({"2026-03-04T09:00", "2026-03-04T10:00", "2026-03-04T02:00:00Z"})
        void callBackLaterInThePastOrNowIsRefused(String callbackAt) {
            assertThat(rejectedFields(form("callOutcome", "CALL_BACK_LATER", "callbackAt", callbackAt)))
                    .containsOnly(Map.entry("callbackAt", "must be in the future"));
        }

        @Test
        void callBackLaterMoreThanSixtyDaysAheadIsRefused() {
            Instant tooLate = NOW.plus(Duration.ofDays(60)).plusSeconds(60);
            assertThat(rejectedFields(form("callOutcome", "CALL_BACK_LATER", "callbackAt", tooLate.toString())))
                    .containsOnly(Map.entry("callbackAt", "must be within 60 days"));
        }

        @Test
        void callBackLaterExactlySixtyDaysAheadIsAccepted() {
            Instant limit = NOW.plus(Duration.ofDays(60));
            assertThat(read(form("callOutcome", "CALL_BACK_LATER", "callbackAt", limit.toString())).callbackAt()).isEqualTo(limit);
        }

        @Test
        void callBackLaterWithGarbageIsRefused() {
            assertThat(rejectedFields(form("callOutcome", "CALL_BACK_LATER", "callbackAt", "tomorrow")))
                    .containsOnlyKeys("callbackAt");
        }

        @Test
        void validCallBackLaterIsAcceptedWithLocalTimeInTheClockZone() {
            CallReport r = read(form("callOutcome", "call_back_later", "callbackAt", "2026-03-05T14:30", "notes", "after work"));
            assertThat(r.callOutcome()).isEqualTo(CallOutcome.CALL_BACK_LATER);
            assertThat(r.callbackAt()).isEqualTo(Instant.parse("2026-03-05T06:30:00Z"));
            assertThat(r.notes()).isEqualTo("after work");
            assertThat(r.satisfaction()).isNull();
            assertThat(r.feedbackType()).isEqualTo(CallFeedbackType.NONE);
        }

        @Test
        void validCallBackLaterAcceptsOffsetAndDate() {
            assertThat(read(form("callOutcome", "CALL_BACK_LATER", "callbackAt", "2026-03-05T14:30+08:00")).callbackAt())
                    .isEqualTo(Instant.parse("2026-03-05T06:30:00Z"));
            Instant tomorrow = NOW.plus(Duration.ofDays(1));
            assertThat(read(form("callOutcome", "CALL_BACK_LATER", "callbackAt", Date.from(tomorrow))).callbackAt())
                    .isEqualTo(tomorrow);
        }

        @Test
        void callbackAtIsIgnoredForOtherOutcomes() {
            assertThat(read(form("callOutcome", "NO_ANSWER", "callbackAt", "yesterday")).callbackAt()).isNull();
            Map<String, Object> vars = reached();
            vars.put("callbackAt", "2020-01-01T00:00Z");
            assertThat(read(vars).callbackAt()).isNull();
        }
    }

    @Nested
    class Detractors {

        static CallReport scored(int satisfaction, int nps) {
            return read(form("callOutcome", "REACHED", "satisfaction", satisfaction, "nps", nps));
        }

        @ParameterizedTest(name = "satisfaction {0}, nps {1} -> detractor {2}")
        @CsvSource({
                "2, 10, true",
                "1, 9,  true",
                "5, 6,  true",
                "5, 0,  true",
                "3, 7,  false",
                "5, 10, false",
                "3, 6,  true",
                "2, 6,  true"
        })
        void detractorHasSatisfactionAtMostTwoOrNpsAtMostSix(int satisfaction, int nps, boolean detractor) {
            assertThat(scored(satisfaction, nps).isDetractor()).isEqualTo(detractor);
        }
    }

    @Nested
    class Results {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "REACHED,         COMPLETED",
                "NO_ANSWER,       UNREACHABLE",
                "BUSY,            UNREACHABLE",
                "CALL_BACK_LATER, UNREACHABLE",
                "WRONG_NUMBER,    WRONG_NUMBER",
                "REFUSED,         REFUSED"
        })
        void followUpResultAfterLastCall(CallOutcome last, FollowUpResult expected) {
            assertThat(FollowUpResult.afterLastCall(last)).isEqualTo(expected);
        }

        @Test
        void onlyNoAnswerAndBusyAreRetryable() {
            for (CallOutcome o : CallOutcome.values()) {
                assertThat(o.isRetryable()).as(o.name()).isEqualTo(o == CallOutcome.NO_ANSWER || o == CallOutcome.BUSY);
            }
        }
    }
}
