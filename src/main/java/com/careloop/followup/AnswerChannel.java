package com.careloop.followup;

/** Where a survey answer came from (survey_response.channel): a call, the link of a survey text, or the web. */
public enum AnswerChannel {
    PHONE("电话 Phone"), SMS("短信 SMS"), WEB("网页 Web");

    private final String label;

    AnswerChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
