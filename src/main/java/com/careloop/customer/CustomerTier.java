package com.careloop.customer;

public enum CustomerTier { STANDARD, VIP }
