package com.careloop.quality.alert;

/** What the handler of an alert decides: close it (handled), or open an improvement action from it (and close it). */
public enum AlertDecision { CLOSE, IMPROVE }
