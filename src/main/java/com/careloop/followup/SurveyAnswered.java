package com.careloop.followup;

import com.careloop.customer.CustomerTier;
import java.time.Instant;

/**
 * Published (in the recording transaction) when a reached call's survey answer is stored: what the quality module
 * counts, attributed to the agent who made the call. {@code text}: the customer's words and the agent's notes, for
 * keywords; never logged. {@code channel}: how the answer came (the call, a survey text's link, the web), which the KPIs
 * split by.
 */
public record SurveyAnswered(long surveyId, long followUpId, String agent, Scenario scenario, CustomerTier tier,
                             Instant answeredAt, int satisfaction, int nps, Integer scoreAttitude, Integer scoreExpertise,
                             Integer scoreTimeliness, Integer scoreResolution, Integer scoreConvenience,
                             boolean purchaseIntent, String text, AnswerChannel channel) {

    public SurveyAnswered {
        channel = channel == null ? AnswerChannel.PHONE : channel;
    }

    /** An answer given on a call. */
    public SurveyAnswered(long surveyId, long followUpId, String agent, Scenario scenario, CustomerTier tier,
                          Instant answeredAt, int satisfaction, int nps, Integer scoreAttitude, Integer scoreExpertise,
                          Integer scoreTimeliness, Integer scoreResolution, Integer scoreConvenience,
                          boolean purchaseIntent, String text) {
        this(surveyId, followUpId, agent, scenario, tier, answeredAt, satisfaction, nps, scoreAttitude, scoreExpertise,
                scoreTimeliness, scoreResolution, scoreConvenience, purchaseIntent, text, AnswerChannel.PHONE);
    }
}
