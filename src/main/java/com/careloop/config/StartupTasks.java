package com.careloop.config;

import com.careloop.calendar.HolidayCalendar;
import com.careloop.demo.DemoData;
import com.careloop.engine.MissingProcessRedeployer;
import com.careloop.identity.IdentitySetup;
import com.careloop.identity.TaskAccessMigration;
import com.careloop.quality.QualityWatch;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** After start: missing process definitions redeployed, identity (groups, authorizations, filters, users), the task-access migration, the holiday check, then demo data where enabled, then one evaluation of the quality alert rules. */
@Component
public class StartupTasks {

    private final IdentitySetup identity;
    private final TaskAccessMigration taskAccess;
    private final MissingProcessRedeployer redeployer;
    private final HolidayCalendar holidays;
    /** careloop.calendar.check-at-start: off in tests, which start the check themselves (process coverage needs a test). */
    @org.springframework.beans.factory.annotation.Value("${careloop.calendar.check-at-start:true}")
    boolean checkHolidaysAtStart = true;
    private final ObjectProvider<DemoData> demo;
    /** careloop.quality.watch-at-start: the alert rules are evaluated once after start (and the demo data); off in tests. */
    @org.springframework.beans.factory.annotation.Value("${careloop.quality.watch-at-start:true}")
    boolean qualityWatchAtStart = true;
    private final ObjectProvider<QualityWatch> qualityWatch;

    public StartupTasks(IdentitySetup identity, TaskAccessMigration taskAccess, MissingProcessRedeployer redeployer,
                        HolidayCalendar holidays, ObjectProvider<DemoData> demo, ObjectProvider<QualityWatch> qualityWatch) {
        this.qualityWatch = qualityWatch;
        this.holidays = holidays;
        this.redeployer = redeployer;
        this.identity = identity;
        this.taskAccess = taskAccess;
        this.demo = demo;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void run() throws java.io.IOException {
        redeployer.run();
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
}
