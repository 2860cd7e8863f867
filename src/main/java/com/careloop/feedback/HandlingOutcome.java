package com.careloop.feedback;

public enum HandlingOutcome { RESOLVED, REJECTED, CONVERTED, NOT_CONVERTED }
