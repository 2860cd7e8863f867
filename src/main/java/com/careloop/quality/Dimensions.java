package com.careloop.quality;

/**
 * What a counted fact is attributed to: the agent who made the call, the team (the agent's team group for calls,
 * the routed department for feedback items), scenario, product, channel (the feedback channel: HOTLINE … APP, and
 * FOLLOW_UP for the items of a call as for the survey answers given on a call and follow-up outcomes; SMS or WEB for
 * survey answers given on the page of a survey link) and the customer's tier. {@link #UNSPECIFIED} where one does not apply or is not known.
 */
record Dimensions(String agent, String team, String scenario, String product, String channel, String tier) {

    static final String UNSPECIFIED = "UNSPECIFIED";
    /** The channel of survey answers and follow-up outcomes: the follow-up call, as for the items raised on a call. */
    static final String FOLLOW_UP = com.careloop.feedback.FeedbackChannel.FOLLOW_UP.name();

    /**
     * The channel dimension of a survey answer: FOLLOW_UP for one given on a call (as the rows of before the answer
     * channel), else SMS or WEB.
     */
    static String answerChannel(com.careloop.followup.AnswerChannel channel) {
        return channel == null || channel == com.careloop.followup.AnswerChannel.PHONE ? FOLLOW_UP : channel.name();
    }

    Dimensions {
        agent = orUnspecified(agent);
        team = orUnspecified(team);
        scenario = orUnspecified(scenario);
        product = orUnspecified(product);
        channel = orUnspecified(channel);
        tier = orUnspecified(tier);
    }

    static String orUnspecified(String value) {
        return value == null || value.isBlank() ? UNSPECIFIED : value;
    }

    Dimensions withTeam(String team) {
        return new Dimensions(agent, team, scenario, product, channel, tier);
    }
}
