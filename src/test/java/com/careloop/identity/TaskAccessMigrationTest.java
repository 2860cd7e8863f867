package com.careloop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.customer.CustomerService;
import com.careloop.feedback.FeedbackService;
import com.careloop.feedback.FeedbackType;
import com.careloop.feedback.InboundFeedbackRequest;
import com.careloop.feedback.Urgency;
import com.careloop.followup.FollowUpService;
import com.careloop.followup.Scenario;
import com.careloop.testsupport.CareLoopTest;
import com.careloop.testsupport.Fixtures;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An installation from before the task-access model has one authorization per open call for the agents group:
 * the start-up migration removes exactly those (in batches), leaves the rows the model keeps, and is idempotent.
 */
class TaskAccessMigrationTest extends CareLoopTest {

    @Autowired ProcessEngine engine;
    @Autowired CustomerService customers;
    @Autowired FollowUpService followUps;
    @Autowired FeedbackService feedback;
    @Autowired AuthorizationService authorizations;
    @Autowired TaskAccessMigration migration;

    @Test
    void oldPerTaskRowsOfCoveredGroupsAreRemovedOthersStay() {
        Fixtures fx = new Fixtures(engine, customers, followUps);
        String call = fx.task(fx.followUp(fx.customer(), Scenario.USAGE).processInstanceId(), "Task_CallCustomer").getId();
        var fault = feedback.registerInbound(new InboundFeedbackRequest(fx.customer().id(), FeedbackType.PROBLEM, Urgency.NORMAL, "故障"), "center1");
        fx.verifyValid(fault.processInstanceId());
        String faultTask = fx.task(fault.processInstanceId(), "Task_RespondToCustomer").getId();
        // what the engine's default provider wrote before: a row per task for the candidate group
        oldStyleRow(call, CareLoopGroups.AGENTS);
        oldStyleRow(call, CareLoopGroups.CS_SUPERVISORS);
        long faultRows = rowsOn(faultTask);

        migration.run();

        assertThat(rowsOn(call)).isZero();
        assertThat(rowsOn(faultTask)).isEqualTo(faultRows);
        assertThat(migration.removePerTaskRows(CareLoopGroups.AGENTS, TaskAccessPolicy.FOLLOW_UP)).isZero();
        migration.run();
        assertThat(rowsOn(faultTask)).isEqualTo(faultRows);
    }

    void oldStyleRow(String taskId, String group) {
        Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        a.setGroupId(group);
        a.setResource(Resources.TASK);
        a.setResourceId(taskId);
        a.addPermission(Permissions.READ);
        a.addPermission(Permissions.UPDATE);
        authorizations.saveAuthorization(a);
    }

    long rowsOn(String taskId) {
        return authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId).count();
    }
}
