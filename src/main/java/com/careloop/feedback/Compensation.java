package com.careloop.feedback;

public enum Compensation { NONE, COUPON, FREE_UPGRADE, REFUND, OTHER }
