/**
 * Module review (issue 15): supervising the follow-up calls — the weekly sample of reached calls (bpmn/callReviewSampling.dmn),
 * the supervisor's scorecard (bpmn/callReviewScorecard.dmn, bpmn/forms/callReview.form), the agent's acknowledgement
 * or appeal and the manager's decision (bpmn/callReview.bpmn: processes callReview and callReviewCase). Reads the
 * calls through the follow-up module's public API ({@code ReachedCalls}); offers the review figures to the quality
 * module ({@link com.careloop.review.ReviewFigures}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"engine", "errors", "followup", "http", "identity", "notification", "sla"})
package com.careloop.review;
