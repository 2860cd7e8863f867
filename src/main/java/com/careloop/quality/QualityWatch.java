package com.careloop.quality;

/**
 * The threshold-alert watch (process qualityWatch) for other modules: its timer runs it every cycle; {@link #runNow}
 * runs it once at once — at application start, after the demo data, so that a fresh installation does not wait a
 * whole cycle for its first alerts.
 */
public interface QualityWatch {

    /** Evaluates the alert rules now (one qualityWatch instance, started by message); a failure is logged, not thrown. */
    void runNow();
}
