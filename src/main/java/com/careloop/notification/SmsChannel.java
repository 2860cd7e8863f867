package com.careloop.notification;

/** Sends one text message. The default implementation only records it in the delivery log. */
public interface SmsChannel {

    /** @return true when handed to a real SMS gateway, false when only logged */
    boolean send(String phoneNumber, String text);
}
