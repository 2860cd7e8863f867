package com.careloop.quality.improvement;

/** The manager's decision after verification: close the action, or reopen it back to the owner team. */
public enum ReviewDecision { CLOSE, REOPEN }
