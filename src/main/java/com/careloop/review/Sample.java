package com.careloop.review;

import com.careloop.followup.ReachedCalls.ReachedCall;

/** A call chosen for review and why: RANDOM, or the reason of bpmn/callReviewSampling.dmn's callReviewAlwaysSampled. */
record Sample(ReachedCall call, String reason) {

    static final String RANDOM = "RANDOM";
}
