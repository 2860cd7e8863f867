package com.careloop.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's clock is the engine's clock, so that domain timestamps, computed deadlines, task due
 * dates and timers all agree — also when a test moves the engine clock.
 */
public class EngineClock extends Clock {

    private final ZoneId zone;

    public EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new EngineClock(zone);
    }

    /** Runs {@code work} with the engine's clock set to {@code at} (demo data that must look days old), then resets it. */
    public static void runAt(Instant at, Runnable work) {
        ClockUtil.setCurrentTime(java.util.Date.from(at));
        try {
            work.run();
        } finally {
            ClockUtil.reset();
        }
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
