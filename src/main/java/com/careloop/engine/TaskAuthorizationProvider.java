package com.careloop.engine;

import com.careloop.identity.TaskAccessPolicy;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's per-task authorizations, bounded (engine internals: the provider API is
 * {@code org.camunda.bpm.engine.impl.cfg.auth}). The default provider writes one row per task for every candidate
 * group; with 100,000 open calls the agents' Tasklist queries join 100,000 rows per task and never answer. Here a
 * group that sees every task of the process through a definition-level grant ({@link TaskAccessPolicy}) gets no
 * row; other candidate groups and candidate users get READ + TASK_WORK (claim and complete — the guard narrows
 * that to candidates and assignees); an assignee outside those groups gets READ + TASK_WORK + TASK_ASSIGN (so that
 * the assignee can give the task back), an assignee inside them nothing more. Nobody gets UPDATE on a task here.
 */
class TaskAuthorizationProvider extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
        if (!IdentityLinkType.CANDIDATE.equals(type) || TaskAccessPolicy.seesAllTasksOf(groupId, processKey(task))) {
            return null;
        }
        return new AuthorizationEntity[] {createOrUpdateAuthorization(task, null, groupId, Resources.TASK, false,
                Permissions.READ, TaskPermissions.TASK_WORK)};
    }

    @Override
    public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
        if (!IdentityLinkType.CANDIDATE.equals(type)) {
            return null;
        }
        return new AuthorizationEntity[] {createOrUpdateAuthorization(task, userId, null, Resources.TASK, false,
                Permissions.READ, TaskPermissions.TASK_WORK)};
    }

    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
        if (newAssignee == null || seesByDefinition(newAssignee, processKey(task))) {
            // an agent's own calls are visible through the agents' definition grant: a row per assigned call
            // would grow every query of that agent with the number of calls it holds
            return null;
        }
        return new AuthorizationEntity[] {createOrUpdateAuthorization(task, newAssignee, null, Resources.TASK, false,
                Permissions.READ, TaskPermissions.TASK_WORK, TaskPermissions.TASK_ASSIGN)};
    }

    @Override
    public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
        // a delegating assignee becomes the owner: it keeps the assignee's row, nothing more is needed
        return null;
    }

    /** Whether one of the user's groups sees every task of the process by a definition-level grant. */
    static boolean seesByDefinition(String userId, String processKey) {
        if (processKey == null) {
            return false;
        }
        return Context.getCommandContext().getReadOnlyIdentityProvider().createGroupQuery().groupMember(userId).list().stream()
                .anyMatch(g -> TaskAccessPolicy.seesAllTasksOf(g.getId(), processKey));
    }

    /** Process definition ids are "key:version:uuid" for CareLoop's short keys. */
    static String processKey(Task task) {
        String id = task.getProcessDefinitionId();
        if (id == null) {
            return null;
        }
        int colon = id.indexOf(':');
        return colon < 0 ? null : id.substring(0, colon);
    }
}
