package com.careloop.identity;

import static com.careloop.identity.CareLoopGroups.ADMIN;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Who may work a task (README "Who may see and work a task"): claim only while unassigned and only by a
 * candidate; complete, submit, resolve and delegate only by the assignee; give back by the assignee;
 * reassign, change candidates only by a supervisor of one of the task's candidate groups or a manager, and only
 * to a member of a candidate group. Every HTTP path to the engine asks here ({@link TaskWorkGuard}); so does any
 * CareLoop endpoint that works a task.
 */
@Component
public class TaskWork {

    public enum Action { CLAIM, UNCLAIM, COMPLETE, DELEGATE, REASSIGN, UPDATE, CHANGE_CANDIDATES, SET_VARIABLES }

    /**
     * Task-local variable naming the one user who may not take the task although a candidate (a call's own agent for
     * its review, module review): claiming it, or giving it to that user, is refused.
     */
    public static final String NOT_FOR = "notFor";

    private final TaskService tasks;
    private final IdentityService identity;

    public TaskWork(TaskService tasks, IdentityService identity) {
        this.tasks = tasks;
        this.identity = identity;
    }

    /**
     * Why {@code user} (in {@code groups}) may not do {@code action} on the task, or empty when allowed (and when
     * the task does not exist: the engine answers that). {@code target} is the new assignee of REASSIGN,
     * DELEGATE and UPDATE.
     */
    public Optional<String> refusal(Action action, String taskId, String user, Collection<String> groups, String target) {
        Task task = asEngine(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
        if (task == null) {
            return Optional.empty();
        }
        String assignee = task.getAssignee();
        Object notFor = asEngine(() -> tasks.getVariableLocal(taskId, NOT_FOR));
        String taker = action == Action.CLAIM ? user : action == Action.REASSIGN || action == Action.DELEGATE || action == Action.UPDATE
                ? target : null;
        // before the administrators' pass: not even a camunda-admin takes a task that is not for them (their own call's review)
        if (notFor != null && notFor.equals(taker) && !notFor.equals(assignee)) {
            return Optional.of("此任务不能由 " + taker + " 处理（例如自己回访的质检） This task may not go to " + taker
                    + " (e.g. the review of their own call)");
        }
        if (groups.contains(ADMIN)) {
            return Optional.empty();
        }
        List<IdentityLink> links = asEngine(() -> tasks.getIdentityLinksForTask(taskId));
        List<String> candidateGroups = links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
        boolean supervises = TaskAccessPolicy.mayReassign(groups, candidateGroups);
        return switch (action) {
            case CLAIM -> claim(assignee, user, groups, links, supervises);
            case UNCLAIM -> giveBack(assignee, user, supervises);
            case COMPLETE -> assignee == null
                    ? Optional.of("请先认领此任务 Claim this task before completing it")
                    : user.equals(assignee) ? Optional.empty()
                    : Optional.of("只有处理人 " + assignee + " 可以完成此任务 Only the assignee (" + assignee + ") may complete this task");
            case DELEGATE -> !user.equals(assignee)
                    ? Optional.of("只有处理人可以委托此任务 Only the assignee may delegate this task")
                    : eligible(target, links);
            case REASSIGN, UPDATE -> reassign(action, assignee, target, user, groups, links, supervises);
            case CHANGE_CANDIDATES -> supervises ? Optional.empty()
                    : Optional.of("只有主管可以修改候选组 Only a supervisor of the task's team may change its candidates");
            case SET_VARIABLES -> groups.stream().anyMatch(TaskAccessPolicy.REASSIGN_ANY::contains) ? Optional.empty()
                    : Optional.of("任务数据只能通过表单提交 Task data is changed only by submitting its form");
        };
    }

    private Optional<String> claim(String assignee, String user, Collection<String> groups, List<IdentityLink> links, boolean supervises) {
        if (assignee != null && !assignee.equals(user)) {
            return Optional.of("任务已由 " + assignee + " 认领 This task is already claimed by " + assignee);
        }
        if (supervises || isCandidate(user, groups, links)) {
            return Optional.empty();
        }
        return Optional.of("您不是此任务的候选人 You are not a candidate for this task");
    }

    private Optional<String> reassign(Action action, String assignee, String target, String user, Collection<String> groups,
                                      List<IdentityLink> links, boolean supervises) {
        if (Objects.equals(target, assignee)) {
            // an update that keeps the assignee: the assignee, or a supervisor, may change due and follow-up dates
            return user.equals(assignee) || supervises || (assignee == null && isCandidate(user, groups, links)) ? Optional.empty()
                    : Optional.of("只有处理人或主管可以修改此任务 Only the assignee or a supervisor may change this task");
        }
        if (target == null) {
            return giveBack(assignee, user, supervises);
        }
        if (target.equals(user) && assignee == null) {
            return claim(null, user, groups, links, supervises);
        }
        if (!supervises) {
            return Optional.of("只有主管可以把任务转派给他人 Only a supervisor of the task's team may assign it to someone else");
        }
        return eligible(target, links);
    }

    private static Optional<String> giveBack(String assignee, String user, boolean supervises) {
        return assignee == null || user.equals(assignee) || supervises ? Optional.empty()
                : Optional.of("只有处理人 " + assignee + " 或其主管可以退回此任务 Only the assignee (" + assignee + ") or a supervisor may give this task back");
    }

    /** The new assignee must be able to work the task: a candidate user or a member of a candidate group. */
    private Optional<String> eligible(String target, List<IdentityLink> links) {
        if (target == null || target.isBlank()) {
            return Optional.of("请指定处理人 Name the user to hand the task to");
        }
        for (IdentityLink l : links) {
            if (!IdentityLinkType.CANDIDATE.equals(l.getType())) {
                continue;
            }
            if (target.equals(l.getUserId())) {
                return Optional.empty();
            }
            if (l.getGroupId() != null && asEngine(() -> identity.createUserQuery().userId(target).memberOfGroup(l.getGroupId()).count()) > 0) {
                return Optional.empty();
            }
        }
        return Optional.of(target + " 不在此任务的候选组中 " + target + " is not in a candidate group of this task");
    }

    private static boolean isCandidate(String user, Collection<String> groups, List<IdentityLink> links) {
        return links.stream().anyMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType())
                && (user.equals(l.getUserId()) || (l.getGroupId() != null && groups.contains(l.getGroupId()))));
    }

    /** Runs a lookup as the engine itself: the guard must see the task to judge the request. */
    private <T> T asEngine(Supplier<T> lookup) {
        var auth = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return lookup.get();
        } finally {
            if (auth != null) {
                identity.setAuthentication(auth);
            }
        }
    }
}
