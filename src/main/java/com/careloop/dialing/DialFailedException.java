package com.careloop.dialing;

/** The dialer could not place the call (the CTI refused or did not answer in time): 502 to the browser, audited. */
class DialFailedException extends RuntimeException {

    DialFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
