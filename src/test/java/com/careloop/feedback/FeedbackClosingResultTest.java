package com.careloop.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedbackClosingResultTest {

    static final Instant CREATED = Instant.parse("2026-03-04T02:00:00Z");

    static FeedbackItem item() {
        return new FeedbackItem("FB-20260304-0001", FeedbackSource.FOLLOW_UP_CALL, FeedbackType.COMPLAINT, Urgency.NORMAL,
                "Delivery was late", 1L, 2L, "agent1", CREATED);
    }

    static FeedbackItem resolved(HandlingOutcome outcome) {
        FeedbackItem item = item();
        item.resolve(outcome, "Refunded shipping", Compensation.NONE, CREATED.plusSeconds(3600));
        return item;
    }

    @ParameterizedTest(name = "revisitRequired={0}")
    @ValueSource(booleans = {true, false})
    void managerDecisionWinsOverEverythingElse(boolean revisitRequired) {
        for (ManagerDecision decision : ManagerDecision.values()) {
            FeedbackItem item = resolved(HandlingOutcome.REJECTED);
            item.recordRevisit(1, true);
            item.setManagerDecision(decision);
            assertThat(item.closingResult(revisitRequired)).as(decision.name()).isEqualTo(FeedbackResult.CLOSED_BY_MANAGER);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "RESOLVED,      RESOLVED",
            "REJECTED,      REJECTED",
            "CONVERTED,     CONVERTED",
            "NOT_CONVERTED, NOT_CONVERTED"
    })
    void withoutRevisitTheHandlingOutcomeIsTheResult(HandlingOutcome outcome, FeedbackResult expected) {
        assertThat(resolved(outcome).closingResult(false)).isEqualTo(expected);
        assertThat(FeedbackResult.withoutRevisit(outcome)).isEqualTo(expected);
    }

    @Test
    void withoutRevisitAndWithoutHandlingOutcomeIsResolved() {
        assertThat(item().closingResult(false)).isEqualTo(FeedbackResult.RESOLVED);
        assertThat(FeedbackResult.withoutRevisit(null)).isEqualTo(FeedbackResult.RESOLVED);
    }

    @ParameterizedTest
    @EnumSource(HandlingOutcome.class)
    void everyHandlingOutcomeHasAResultOfTheSameName(HandlingOutcome outcome) {
        assertThat(FeedbackResult.withoutRevisit(outcome).name()).isEqualTo(outcome.name());
    }

    @Test
    void withoutRevisitTheCustomersAnswerDoesNotMatter() {
        FeedbackItem item = resolved(HandlingOutcome.REJECTED);
        item.recordRevisit(2, false);
        assertThat(item.closingResult(false)).isEqualTo(FeedbackResult.REJECTED);
    }

    @ParameterizedTest
    @EnumSource(HandlingOutcome.class)
    void revisitWithSatisfiedCustomerIsResolvedSatisfied(HandlingOutcome outcome) {
        FeedbackItem item = resolved(outcome);
        item.recordRevisit(1, true);
        assertThat(item.closingResult(true)).isEqualTo(FeedbackResult.RESOLVED_SATISFIED);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(booleans = false)
    void revisitWithUnsatisfiedOrUnknownCustomerIsResolvedUnconfirmed(Boolean satisfied) {
        FeedbackItem item = resolved(HandlingOutcome.RESOLVED);
        item.recordRevisit(3, satisfied);
        assertThat(item.closingResult(true)).isEqualTo(FeedbackResult.RESOLVED_UNCONFIRMED);
    }

    @Test
    void revisitNeverRecordedIsResolvedUnconfirmed() {
        assertThat(resolved(HandlingOutcome.RESOLVED).closingResult(true)).isEqualTo(FeedbackResult.RESOLVED_UNCONFIRMED);
    }

    @Test
    void reopeningForgetsTheCustomersEarlierAnswer() {
        FeedbackItem item = resolved(HandlingOutcome.RESOLVED);
        item.recordRevisit(1, true);
        item.reopen(CREATED.plusSeconds(86_400));
        assertThat(item.getCustomerSatisfied()).isNull();
        assertThat(item.getReopenCount()).isEqualTo(1);
        assertThat(item.closingResult(true)).isEqualTo(FeedbackResult.RESOLVED_UNCONFIRMED);
    }

    @Test
    void closeRecordsTheResult() {
        FeedbackItem item = resolved(HandlingOutcome.CONVERTED);
        Instant at = CREATED.plusSeconds(7200);
        item.close(item.closingResult(false), at);
        assertThat(item.getResult()).isEqualTo(FeedbackResult.CONVERTED);
        assertThat(item.getStatus()).isEqualTo(FeedbackStatus.CLOSED);
        assertThat(item.getClosedAt()).isEqualTo(at);
    }
}
