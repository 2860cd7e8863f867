package com.careloop.feedback;

/** The outcome of verifying an inbound item (初步核实, Task_VerifyFeedback, form field {@code verification}). */
public enum Verification { VALID, INVALID, DUPLICATE }
