package com.careloop.followup;

/**
 * A follow-up's state. Stored: OPEN or CLOSED. {@link #AWAITING_SURVEY} is what the API shows for an open follow-up
 * while its survey link (sent by text) can be answered; it is never stored.
 */
public enum FollowUpStatus { OPEN, CLOSED, AWAITING_SURVEY }
