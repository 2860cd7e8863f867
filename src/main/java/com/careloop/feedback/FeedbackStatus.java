package com.careloop.feedback;

/** Where an item stands: waiting for the owner's response, being handled, waiting for the re-visit, closed. */
public enum FeedbackStatus { NEW, AWAITING_RESPONSE, IN_PROGRESS, AWAITING_CONFIRMATION, REOPENED, MANAGER_REVIEW, CLOSED }
