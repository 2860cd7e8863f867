package com.careloop.identity;

import static com.careloop.identity.CareLoopGroups.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates at start, idempotently: the contract's groups, their authorizations (who sees Tasklist, who sees
 * Cockpit), the shared Tasklist filters ({@link TasklistFilters}), the administrator from the environment and — in the default run
 * only — the demo users.
 */
@Component
@Order(1)
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentitySetup {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    static final List<String> STAFF_GROUPS = List.of(AGENTS, CS_SUPERVISORS, CS_MANAGERS, CS_CENTER, AFTERSALES_TECH, PRODUCT, SALES);
    static final Map<String, List<String>> DEMO_USERS = Map.of(
            "demo", List.of(ADMIN, CS_MANAGERS),
            "agent1", List.of(AGENTS),
            "agent2", List.of(AGENTS),
            "supervisor1", List.of(CS_SUPERVISORS),
            "manager1", List.of(CS_MANAGERS),
            "center1", List.of(CS_CENTER),
            "tech1", List.of(AFTERSALES_TECH),
            "product1", List.of(PRODUCT),
            "sales1", List.of(SALES));

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final TasklistFilters filters;
    private final IdentityProperties props;

    public IdentitySetup(IdentityService identity, AuthorizationService authorizations, TasklistFilters filters,
                         IdentityProperties props) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.props = props;
    }

    public void run() {
        for (GroupInfo info : ALL) {
            if (identity.createGroupQuery().groupId(info.id()).count() == 0) {
                Group g = identity.newGroup(info.id());
                g.setName(info.name());
                g.setType(ADMIN.equals(info.id()) ? "SYSTEM" : "WORKFLOW");
                identity.saveGroup(g);
            }
        }
        grantAuthorizations();
        if (props.adminUser() != null && !props.adminUser().isBlank()) {
            if (props.adminPassword() == null || props.adminPassword().isBlank()) {
                throw new IllegalStateException("CARELOOP_ADMIN_USER is set but CARELOOP_ADMIN_PASSWORD is empty");
            }
            ensureUser(props.adminUser(), props.adminPassword(), List.of(ADMIN, CS_MANAGERS));
        }
        if (props.demoUsers()) {
            DEMO_USERS.forEach((id, groups) -> ensureUser(id, id, groups));
        }
        filters.run();
    }

    private void ensureUser(String id, String password, List<String> groups) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User u = identity.newUser(id);
            u.setFirstName(id);
            u.setLastName("CareLoop");
            u.setEmail(id + "@careloop.local");
            u.setPassword(password);
            identity.saveUser(u);
            log.info("Created user {} in groups {}", id, groups);
        }
        for (String g : groups) {
            if (identity.createUserQuery().userId(id).memberOfGroup(g).count() == 0) {
                identity.createMembership(id, g);
            }
        }
    }

    /** bpmn/feedbackAction.bpmn, started from Tasklist by the feedback handlers. */
    static final String FEEDBACK_ACTION = "feedbackAction";

    private void grantAuthorizations() {
        for (Resources r : Resources.values()) {
            grant(ADMIN, r, "*", Permissions.ALL);
        }
        for (String g : STAFF_GROUPS) {
            grant(g, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        }
        for (String g : List.of(AGENTS, CS_CENTER, AFTERSALES_TECH, PRODUCT, SALES)) {
            // read the definitions so Tasklist can show process names and start forms
            grant(g, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
        }
        // the service centre registers inbound feedback from Tasklist: start form of feedbackRegistration (only it)
        grant(CS_CENTER, Resources.PROCESS_DEFINITION, "feedbackRegistration", Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(CS_CENTER, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        // managers: Cockpit with full operations (retry incidents, see every task)
        grant(CS_MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        // every operation on definitions except deleting them (and their history): only camunda-admin deletes a
        // definition or deployment — a cascade delete of "screening" stops the nightly run
        grant(CS_MANAGERS, Resources.PROCESS_DEFINITION, "*", MANAGER_DEFINITION_PERMISSIONS);
        for (Resources r : List.of(Resources.PROCESS_INSTANCE, Resources.TASK,
                Resources.DECISION_DEFINITION, Resources.HISTORIC_TASK, Resources.HISTORIC_PROCESS_INSTANCE)) {
            grant(CS_MANAGERS, r, "*", Permissions.ALL);
        }
        grant(CS_MANAGERS, Resources.DEPLOYMENT, "*", Permissions.READ);
        // supervisors: Cockpit read-only on instances; in Tasklist still only their own and escalated tasks
        grant(CS_SUPERVISORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(CS_SUPERVISORS, Resources.PROCESS_DEFINITION, "*", Permissions.READ, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_INSTANCE);
        grant(CS_SUPERVISORS, Resources.PROCESS_INSTANCE, "*", Permissions.READ, Permissions.CREATE);
        // the Tasklist start form "反馈处理动作 Feedback action" (progress, SLA pause/resume): who may act on which item is
        // the feedback module's check; CREATE on instances is only usable with CREATE_INSTANCE on a definition
        for (String g : List.of(CS_CENTER, AFTERSALES_TECH, PRODUCT, SALES, CS_SUPERVISORS)) {
            grant(g, Resources.PROCESS_DEFINITION, FEEDBACK_ACTION, Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
            if (!CS_SUPERVISORS.equals(g)) {
                grant(g, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
            }
        }
        grant(CS_SUPERVISORS, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
        grant(CS_SUPERVISORS, Resources.DEPLOYMENT, "*", Permissions.READ);
        grantTaskVisibility();
    }

    /**
     * The definition-level half of the task-access model ({@link TaskAccessPolicy}): a group that works every task
     * of a process reads (and, for agents, works) them through one row on the definition; supervisors may also
     * reassign them. Managers already hold every task permission.
     */
    private void grantTaskVisibility() {
        // TASK_ASSIGN lets an agent claim and give back a call; whose call it may take is TaskWork's rule
        grant(AGENTS, Resources.PROCESS_DEFINITION, TaskAccessPolicy.FOLLOW_UP, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK, ProcessDefinitionPermissions.TASK_ASSIGN);
        for (String key : List.of(TaskAccessPolicy.FOLLOW_UP, TaskAccessPolicy.FEEDBACK_HANDLING)) {
            grant(CS_SUPERVISORS, Resources.PROCESS_DEFINITION, key, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK, ProcessDefinitionPermissions.TASK_ASSIGN);
        }
    }

    /**
     * Makes the group's grant on the resource exactly these permissions (created, or corrected on an existing
     * installation: this class is the one source of the groups' grants).
     */
    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        List<Authorization> existing = authorizations.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).list();
        if (!existing.isEmpty()) {
            Authorization a = existing.get(0);
            if (mask(a.getPermissions(allPermissionsOf(resource))) != mask(permissions)) {
                a.setPermissions(permissions);
                authorizations.saveAuthorization(a);
                log.info("Corrected the grant of {} on {} {}", groupId, resource.resourceName(), resourceId);
            }
            return;
        }
        Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        a.setGroupId(groupId);
        a.setResource(resource);
        a.setResourceId(resourceId);
        for (Permission p : permissions) {
            a.addPermission(p);
        }
        authorizations.saveAuthorization(a);
    }

    private static int mask(Permission[] permissions) {
        int mask = 0;
        for (Permission p : permissions) {
            mask |= p.getValue();
        }
        return mask;
    }

    private static Permission[] allPermissionsOf(Resource resource) {
        return resource == Resources.PROCESS_DEFINITION ? ProcessDefinitionPermissions.values() : Permissions.values();
    }

    static final Permission[] MANAGER_DEFINITION_PERMISSIONS = {
            ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.UPDATE, ProcessDefinitionPermissions.READ_TASK,
            ProcessDefinitionPermissions.UPDATE_TASK, ProcessDefinitionPermissions.CREATE_INSTANCE,
            ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE,
            ProcessDefinitionPermissions.DELETE_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
            ProcessDefinitionPermissions.TASK_WORK, ProcessDefinitionPermissions.TASK_ASSIGN,
            ProcessDefinitionPermissions.MIGRATE_INSTANCE, ProcessDefinitionPermissions.RETRY_JOB,
            ProcessDefinitionPermissions.SUSPEND, ProcessDefinitionPermissions.SUSPEND_INSTANCE,
            ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE, ProcessDefinitionPermissions.UPDATE_TASK_VARIABLE,
            ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
            ProcessDefinitionPermissions.READ_TASK_VARIABLE, ProcessDefinitionPermissions.UPDATE_HISTORY};

}
