package com.careloop.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters, created at start and brought up to date on existing installations (idempotently:
 * a filter whose properties already carry this {@link #VERSION} is left alone, an older one gets the current query
 * and properties, a missing one is created). Every filter sorts by priority (high first), then due date (soonest
 * first) — the filter's ordering comes before the sorting Tasklist adds — and shows who and why as list columns
 * ({@code properties.variables}): the task-local context the task listeners set (CallTaskContext, FeedbackTaskContext).
 * Visibility stays the engine's authorization check (README "Who may see and work a task"): the queries add no
 * candidate-group join where the definition grant already decides.
 */
@Component
public class TasklistFilters {

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

    /** Bump when a query, a column or a name changes: existing installations then take the new definition. */
    static final int VERSION = 4;
    static final String VERSION_PROPERTY = "careloopFilterVersion";

    /** The re-visit of feedbackHandling: a call too, so it is among "my calls". */
    static final String REVISIT_TASK = "Task_ConfirmResolution";
    /**
     * The user tasks of bpmn/feedbackHandling.bpmn (TasklistFilterModelTest keeps the list and the model equal). "My
     * team's feedback" names them, not only the process: the process key is a column of the definition, the task key
     * one of the task, so PostgreSQL finds the feedback tasks by index instead of walking every open call.
     */
    static final List<String> FEEDBACK_TASKS = List.of("Task_VerifyFeedback", "Task_RespondToCustomer", "Task_ResolveFeedback", REVISIT_TASK,
            "Task_ManagerReview");
    /** Task-local marker of a call task created for an agreed call-back (its due date is the agreed time). */
    public static final String CALLBACK_SCHEDULED = "callbackScheduled";

    static final String TOMORROW = "${dateTime().plusDays(1).withTimeAtStartOfDay().toDate()}";

    /** Column name -> label (zh-CN first, en): the names the task listeners use, shared by calls and feedback tasks. */
    static final Map<String, String> COLUMN_LABELS = Map.of(
            "customerName", "客户 Customer",
            "customerPhoneMasked", "电话 Phone",
            "scenarioLabel", "场景 Scenario",
            "tierLabel", "等级 Tier",
            "feedbackTypeLabel", "反馈类型 Type",
            "urgencyLabel", "紧急程度 Urgency");
    static final List<String> CALL_COLUMNS = List.of("customerName", "customerPhoneMasked", "scenarioLabel", "tierLabel");
    static final List<String> FEEDBACK_COLUMNS = List.of("customerName", "customerPhoneMasked", "feedbackTypeLabel", "urgencyLabel");
    static final List<String> ALL_COLUMNS = List.of("customerName", "customerPhoneMasked", "scenarioLabel", "tierLabel",
            "feedbackTypeLabel", "urgencyLabel");

    /** One shipped filter. */
    record Definition(String name, int priority, String description, List<String> columns, TaskQuery query) {}

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    public TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    /** The shipped filters, in the order Tasklist lists them. */
    List<Definition> definitions() {
        return List.of(
                new Definition("我的回访 My calls", 10, "我认领或分派给我的回访电话（含二次回访） Calls (and re-visits) assigned to me",
                        ALL_COLUMNS, sorted(tasks.createTaskQuery().taskDefinitionKeyIn(TaskAccessPolicy.CALL_TASK, REVISIT_TASK)
                                .taskAssigneeExpression("${currentUser()}"))),
                new Definition("待认领回访 Unclaimed calls", 20,
                        "尚未认领的回访电话；我认领后仍留在此列表 Calls nobody has claimed yet; one I claim stays in this list",
                        CALL_COLUMNS, sorted(tasks.createTaskQuery().taskDefinitionKey(TaskAccessPolicy.CALL_TASK)
                                .or().taskUnassigned().taskAssigneeExpression("${currentUser()}").endOr())),
                new Definition("今日到期 Due today", 30, "今天结束前到期的任务 Everything I can see that is due before tomorrow",
                        ALL_COLUMNS, sorted(tasks.createTaskQuery().dueBeforeExpression(TOMORROW))),
                new Definition("已超期 Overdue", 40, "已过期限的任务 Everything I can see whose due date has passed",
                        ALL_COLUMNS, sorted(tasks.createTaskQuery().dueBeforeExpression("${now()}"))),
                new Definition("本组反馈 My team's feedback", 50, "分派给我所在组的反馈（含已认领） Feedback items routed to my groups, claimed or not",
                        FEEDBACK_COLUMNS, sorted(tasks.createTaskQuery().processDefinitionKey(TaskAccessPolicy.FEEDBACK_HANDLING)
                                .taskDefinitionKeyIn(FEEDBACK_TASKS.toArray(String[]::new))
                                .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks())),
                // the investigations of bpmn/batchQualityIncident.bpmn, for product and aftersales-tech (module incident)
                new Definition("批次质量事件 Batch incidents", 55, "分派给我所在组的批次质量调查（含已认领） Batch-quality investigations for my groups, claimed or not",
                        List.of(), sorted(tasks.createTaskQuery().processDefinitionKey("batchQualityIncident")
                                .taskDefinitionKey("Task_InvestigateBatch")
                                .taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks())),
                new Definition("今日预约回拨 Call-backs today", 60, "客户约定今天（或更早）回电的回访 Calls the customer asked us to return today (or earlier)",
                        CALL_COLUMNS, sorted(tasks.createTaskQuery().taskVariableValueEquals(CALLBACK_SCHEDULED, true)
                                .dueBeforeExpression(TOMORROW))),
                new Definition("我的任务 My tasks", 70, "分派给我的所有任务 Every task assigned to me",
                        ALL_COLUMNS, sorted(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"))));
    }

    /**
     * Priority (high first), due date (soonest first), then newest first — Tasklist's own default, made part of the
     * filter so that the whole order is the one of the index careloop_ix_task_list_order whatever sorting Tasklist
     * appends: PostgreSQL then reads the first page from the index instead of sorting every visible task.
     */
    private static TaskQuery sorted(TaskQuery query) {
        return query.orderByTaskPriority().desc().orderByDueDate().asc().orderByTaskCreateTime().desc();
    }

    /** Creates or upgrades every shipped filter; a second run changes nothing. */
    public void run() {
        for (Definition d : definitions()) {
            Map<String, Object> properties = properties(d);
            Filter existing = filters.createFilterQuery().filterName(d.name()).singleResult();
            Filter f = existing;
            if (f == null) {
                f = filters.newTaskFilter(d.name());
            } else if (properties.equals(f.getProperties())) {
                ensureReadable(f.getId());
                continue;
            }
            f.setQuery(d.query());
            f.setProperties(properties);
            filters.saveFilter(f);
            ensureReadable(f.getId());
            log.info("{} the Tasklist filter {}", existing == null ? "Created" : "Upgraded", d.name());
        }
    }

    static Map<String, Object> properties(Definition d) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("priority", d.priority());
        p.put("description", d.description());
        p.put("refresh", true);
        p.put("variables", d.columns().stream().map(c -> Map.of("name", c, "label", COLUMN_LABELS.get(c))).toList());
        p.put(VERSION_PROPERTY, VERSION);
        return p;
    }

    private void ensureReadable(String filterId) {
        if (authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filterId)
                .userIdIn(Authorization.ANY).count() > 0) {
            return;
        }
        Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        read.setUserId(Authorization.ANY);
        read.setResource(Resources.FILTER);
        read.setResourceId(filterId);
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
    }
}
