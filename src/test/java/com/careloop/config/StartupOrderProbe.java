package com.careloop.config;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Test profile: records, as the application starts, what was done when readiness changed and the port opened. */
@Component
@Profile("test")
public class StartupOrderProbe {

    private final ObjectProvider<StartupTasks> tasks;
    private final ObjectProvider<ApplicationAvailability> availability;
    private final ObjectProvider<IdentityService> identity;

    volatile ReadinessState readinessWhenTasksCompleted;
    volatile Boolean usersWhenTasksCompleted;
    volatile Boolean tasksCompletedWhenPortOpened;
    volatile ReadinessState readinessWhenPortOpened;
    volatile Boolean tasksCompletedWhenAcceptingTraffic;
    volatile Boolean usersWhenAcceptingTraffic;

    StartupOrderProbe(ObjectProvider<StartupTasks> tasks, ObjectProvider<ApplicationAvailability> availability,
                      ObjectProvider<IdentityService> identity) {
        this.tasks = tasks;
        this.availability = availability;
        this.identity = identity;
    }

    @EventListener
    void tasksCompleted(StartupTasks.Completed event) {
        readinessWhenTasksCompleted = availability.getObject().getReadinessState();
        usersWhenTasksCompleted = loginUsersExist();
    }

    @EventListener
    void portOpened(WebServerInitializedEvent event) {
        tasksCompletedWhenPortOpened = tasks.getObject().completed();
        readinessWhenPortOpened = availability.getObject().getReadinessState();
    }

    @EventListener
    void readiness(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC && tasksCompletedWhenAcceptingTraffic == null) {
            tasksCompletedWhenAcceptingTraffic = tasks.getObject().completed();
            usersWhenAcceptingTraffic = loginUsersExist();
        }
    }

    private boolean loginUsersExist() {
        return identity.getObject().createUserQuery().userIdIn("demo", "agent1", "manager1").count() == 3;
    }
}
