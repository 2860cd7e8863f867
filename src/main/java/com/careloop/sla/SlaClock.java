package com.careloop.sla;

/** How an SLA is counted: plain wall-clock time, or working time of the work calendar. */
public enum SlaClock {
    WALL, WORKING;

    public static SlaClock parse(Object value) {
        if (value == null) {
            return WORKING;
        }
        return SlaClock.valueOf(value.toString().trim().toUpperCase());
    }
}
