package com.careloop.review;

/**
 * Where a call review stands: OPEN (sampled, not scored yet), PASSED, FAILED (waiting for the agent), ACKNOWLEDGED
 * (the agent accepted the result, or did not answer in time), APPEALED (waiting for a manager), UPHELD or AMENDED
 * (the manager's decision on the appeal).
 */
public enum ReviewStatus {
    OPEN, PASSED, FAILED, ACKNOWLEDGED, APPEALED, UPHELD, AMENDED
}
