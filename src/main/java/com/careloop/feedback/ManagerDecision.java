package com.careloop.feedback;

public enum ManagerDecision { CLOSE, CLOSE_WITH_COMPENSATION }
