package com.careloop.config;

import com.careloop.calendar.HolidayCalendar;
import com.careloop.demo.DemoData;
import com.careloop.engine.MissingProcessRedeployer;
import com.careloop.identity.IdentitySetup;
import com.careloop.identity.TaskAccessMigration;
import com.careloop.quality.QualityWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Start-up work: missing process definitions redeployed, identity (groups, authorizations, filters, users), the
 * task-access migration, the holiday check, then demo data where enabled, then one evaluation of the quality alert
 * rules.
 * <p>
 * "Ready means ready": it runs as a lifecycle step after every bean exists (the engine is built, models deployed)
 * and <em>before</em> the web server starts accepting connections ({@link #PHASE} is below the web server's), so no
 * request sees a half-set-up application (no 401 for a demo user not created yet). Readiness stays
 * REFUSING_TRAFFIC until it is done; Spring Boot reports ACCEPTING_TRAFFIC after ApplicationReadyEvent, which is
 * also when the Camunda starter starts the job executor — so no timer fires before the work here is over. A failure
 * stops the start, as before.
 */
@Component
public class StartupTasks implements SmartLifecycle {

    /** Before the web server (Spring Boot's WebServerStartStopLifecycle: Integer.MAX_VALUE - 2048) and the notification worker. */
    static final int PHASE = Integer.MAX_VALUE - 4096;

    private static final Logger LOG = LoggerFactory.getLogger(StartupTasks.class);

    /** Published when the start-up work is over (readiness still REFUSING_TRAFFIC then). */
    public record Completed(long millis) {
    }

    private final IdentitySetup identity;
    private final TaskAccessMigration taskAccess;
    private final MissingProcessRedeployer redeployer;
    private final HolidayCalendar holidays;
    /** careloop.calendar.check-at-start: off in tests, which start the check themselves (process coverage needs a test). */
    @Value("${careloop.calendar.check-at-start:true}")
    boolean checkHolidaysAtStart = true;
    private final ObjectProvider<DemoData> demo;
    /** careloop.quality.watch-at-start: the alert rules are evaluated once after start (and the demo data); off in tests. */
    @Value("${careloop.quality.watch-at-start:true}")
    boolean qualityWatchAtStart = true;
    private final ObjectProvider<QualityWatch> qualityWatch;
    private final ApplicationEventPublisher events;
    private volatile boolean completed;

    public StartupTasks(IdentitySetup identity, TaskAccessMigration taskAccess, MissingProcessRedeployer redeployer,
                        HolidayCalendar holidays, ObjectProvider<DemoData> demo, ObjectProvider<QualityWatch> qualityWatch,
                        ApplicationEventPublisher events) {
        this.qualityWatch = qualityWatch;
        this.holidays = holidays;
        this.redeployer = redeployer;
        this.identity = identity;
        this.taskAccess = taskAccess;
        this.demo = demo;
        this.events = events;
    }

    @Override
    public void start() {
        if (completed) {
            return;
        }
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        long started = System.nanoTime();
        run();
        completed = true;
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info("Start-up tasks done in {} ms; the web server opens and readiness follows", millis);
        events.publishEvent(new Completed(millis));
    }

    void run() {
        try {
            redeployer.run();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("redeploying missing process definitions failed", e);
        }
        identity.run();
        taskAccess.run();
        if (checkHolidaysAtStart) {
            holidays.checkNow();
        }
        demo.ifAvailable(DemoData::load);
        if (qualityWatchAtStart) {
            qualityWatch.ifAvailable(QualityWatch::runNow);
        }
    }

    /** True once the start-up work is over. */
    public boolean completed() {
        return completed;
    }

    @Override
    public void stop() {
        // nothing runs after the start
    }

    @Override
    public boolean isRunning() {
        return completed;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
