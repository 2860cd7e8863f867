package com.careloop.notification;

/**
 * Sends one text message. The default implementation only records it in the delivery log. A gateway implementation
 * must bound every network call by {@link NotificationProperties#connectTimeout()} and
 * {@link NotificationProperties#readTimeout()} and throw when they pass: the notification job then fails, is retried
 * and finally raises an incident, instead of a job thread waiting forever.
 */
public interface SmsChannel {

    /** @return true when handed to a real SMS gateway, false when only logged */
    boolean send(String phoneNumber, String text);
}
