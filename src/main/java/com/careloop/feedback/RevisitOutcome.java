package com.careloop.feedback;

/** Outcome of a closure re-visit call: the values of the confirmResolution form's callOutcome field. */
public enum RevisitOutcome { REACHED, NO_ANSWER, BUSY, CALL_BACK_LATER, WRONG_NUMBER, REFUSED }
