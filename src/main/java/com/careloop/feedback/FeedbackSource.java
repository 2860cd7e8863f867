package com.careloop.feedback;

public enum FeedbackSource { FOLLOW_UP_CALL, INBOUND }
