package com.careloop.review;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The start timer of bpmn/callReview.bpmn reads {@code ${callReviewSchedule.cycle}}: careloop.review.cycle. */
@Component("callReviewSchedule")
@EnableConfigurationProperties(ReviewProperties.class)
public class CallReviewSchedule {

    private final ReviewProperties props;

    CallReviewSchedule(ReviewProperties props) {
        this.props = props;
    }

    public String getCycle() {
        return props.cycle();
    }
}
