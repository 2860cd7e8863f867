package com.careloop.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.feedback.FeedbackType;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** bpmn/batchQuality.dmn as shipped: complaints and faults, 3 within 7 days, for every model; other types not watched. */
class BatchQualityDmnTest {

    static BiFunction<FeedbackType, String, Optional<BatchQualityRule.Rule>> table;

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream in = new FileInputStream("bpmn/batchQuality.dmn")) {
            table = BatchQualityRule.parse(in, "bpmn/batchQuality.dmn");
        }
    }

    @Test
    void complaintsAndFaultsOpenAnIncidentAtThreeWithinSevenDaysForAnyModel() {
        for (FeedbackType type : new FeedbackType[] {FeedbackType.COMPLAINT, FeedbackType.PROBLEM}) {
            for (String model : new String[] {"KFR-35GW", "JSQ-60", ""}) {
                assertThat(table.apply(type, model)).as(type + " " + model).contains(new BatchQualityRule.Rule(3, 7));
            }
        }
    }

    @Test
    void otherTypesAreNotWatched() {
        for (FeedbackType type : new FeedbackType[] {FeedbackType.SUGGESTION, FeedbackType.CONSULTATION, FeedbackType.SALES_LEAD,
                FeedbackType.SERVICE_RECOVERY}) {
            assertThat(table.apply(type, "KFR-35GW")).as(type.name()).isEmpty();
        }
    }
}
