package com.careloop.config;

import com.careloop.demo.DemoData;
import com.careloop.engine.MissingProcessRedeployer;
import com.careloop.identity.IdentitySetup;
import com.careloop.identity.TaskAccessMigration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** After start: missing process definitions redeployed, identity (groups, authorizations, filters, users), the task-access migration, then demo data where enabled. */
@Component
public class StartupTasks {

    private final IdentitySetup identity;
    private final TaskAccessMigration taskAccess;
    private final MissingProcessRedeployer redeployer;
    private final ObjectProvider<DemoData> demo;

    public StartupTasks(IdentitySetup identity, TaskAccessMigration taskAccess, MissingProcessRedeployer redeployer,
                        ObjectProvider<DemoData> demo) {
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
        demo.ifAvailable(DemoData::load);
    }
}
