package com.careloop.identity;

import static com.careloop.identity.CareLoopGroups.*;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Who sees which tasks, and whose tasks a supervisor may hand to someone else. The one source of the task-access
 * model (README "Who may see and work a task"):
 * <ul>
 * <li>A group that works every task of a process sees them through one grant on the process definition
 * ({@link #SEES_ALL_TASKS_OF}); the engine then writes no per-task authorization for that group. The other
 * candidate groups (feedback handling routes each item to one team) keep one row per task and group.</li>
 * <li>The assignee gets one row on the task (read, work, assign), so a call taken by an agent stays visible to
 * that agent.</li>
 * <li>Working rights are checked by {@code TaskWorkGuard} on every HTTP path to the engine: claim only while
 * unassigned and by a candidate; complete, submit, resolve and delegate only by the assignee; reassign only by
 * a supervisor within the team ({@link #SUPERVISES}) or a manager.</li>
 * </ul>
 */
public final class TaskAccessPolicy {

    public static final String FOLLOW_UP = "followUp";
    public static final String FEEDBACK_HANDLING = "feedbackHandling";
    public static final String HOLIDAY_CALENDAR = "holidayCalendar";
    /** The call task of bpmn/followUp.bpmn (the "Unclaimed calls" filter names it). */
    public static final String CALL_TASK = "Task_CallCustomer";

    /** group -> process definition keys whose tasks it sees by a definition-level grant. */
    public static final Map<String, Set<String>> SEES_ALL_TASKS_OF = Map.of(
            AGENTS, Set.of(FOLLOW_UP),
            CS_SUPERVISORS, Set.of(FOLLOW_UP, FEEDBACK_HANDLING),
            CS_MANAGERS, Set.of(FOLLOW_UP, FEEDBACK_HANDLING, HOLIDAY_CALENDAR));

    /** supervisor group -> the candidate groups whose tasks its members may reassign (to a member of a candidate group). */
    public static final Map<String, Set<String>> SUPERVISES = Map.of(
            CS_SUPERVISORS, Set.of(AGENTS, CS_SUPERVISORS, CS_CENTER));

    /** Groups that may reassign any task (to a member of one of its candidate groups). */
    public static final Set<String> REASSIGN_ANY = Set.of(CS_MANAGERS, ADMIN);

    private TaskAccessPolicy() {
    }

    /** Whether {@code group} sees every task of {@code processDefinitionKey} without a per-task row. */
    public static boolean seesAllTasksOf(String group, String processDefinitionKey) {
        return processDefinitionKey != null && SEES_ALL_TASKS_OF.getOrDefault(group, Set.of()).contains(processDefinitionKey);
    }

    /** Whether a user in {@code userGroups} may reassign a task whose candidate groups are {@code candidateGroups}. */
    public static boolean mayReassign(Collection<String> userGroups, Collection<String> candidateGroups) {
        for (String g : userGroups) {
            if (REASSIGN_ANY.contains(g)) {
                return true;
            }
            Set<String> team = SUPERVISES.getOrDefault(g, Set.of());
            if (candidateGroups.stream().anyMatch(team::contains)) {
                return true;
            }
        }
        return false;
    }
}
