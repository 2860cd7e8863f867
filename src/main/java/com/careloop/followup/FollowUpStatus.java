package com.careloop.followup;

public enum FollowUpStatus { OPEN, CLOSED }
