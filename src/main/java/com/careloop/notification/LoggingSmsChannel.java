package com.careloop.notification;

/** The default SMS channel: no gateway; the message is kept in the delivery log with status LOGGED. */
public class LoggingSmsChannel implements SmsChannel {

    @Override
    public boolean send(String phoneNumber, String text) {
        return false;
    }
}
