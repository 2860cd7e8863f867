/**
 * Module incident: batch-quality incidents (seed 002: 批量质量问题). Watches the inbound complaints and faults of each
 * product model and batch (bpmn/batchQuality.dmn), opens one batchQualityIncident per model and batch when they reach
 * the threshold, links later items (feedback's {@code BatchSignal} makes their urgency suggestion URGENT), tells the
 * supervisors and lets product / after-sales close it with a root cause, an action and a campaign follow-up.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"customer", "engine", "errors", "feedback", "followup",
        "identity", "notification", "screening"})
package com.careloop.incident;
