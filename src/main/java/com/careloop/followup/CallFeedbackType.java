package com.careloop.followup;

/** What the agent can report from a call in the form's feedbackType field. */
public enum CallFeedbackType { NONE, COMPLAINT, PROBLEM, SUGGESTION, CONSULTATION }
