package com.careloop.notification;

public enum Channel { EMAIL, SMS }
