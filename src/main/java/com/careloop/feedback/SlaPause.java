package com.careloop.feedback;

import static com.careloop.identity.CareLoopGroups.ADMIN;
import static com.careloop.identity.CareLoopGroups.CS_MANAGERS;
import static com.careloop.identity.CareLoopGroups.CS_SUPERVISORS;

import com.careloop.errors.ConflictException;
import com.careloop.errors.ForbiddenException;
import com.careloop.errors.InvalidRequestException;
import com.careloop.identity.ApiUser;
import com.careloop.sla.ServiceParameters;
import com.careloop.sla.SlaClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA pause of a feedback item (osTicket #3034/#6438): a handler of the open response or resolution task pauses
 * the clock with a reason — the task's SLA timers (reminder, escalation, progress notice) are parked (due date
 * {@link #PARKED}), so nothing fires while paused — and resumes it: the deadlines still open move by the paused time counted on the item's SLA
 * clock (working time on the work calendar), the timers get the moved dates and run again, the task's due date and
 * the process variables follow, and the quality KPIs measure against the moved deadline. A pause longer than
 * {@code feedback.longPauseNotice} notifies the supervisors once (event subprocess of feedbackHandling). Completing the
 * paused task ends the pause (its deadlines move as on a resume).
 */
@Service
public class SlaPause {

    static final String MESSAGE_PAUSED = "SlaPaused";
    static final String MESSAGE_RESUMED = "SlaResumed";
    /**
     * The due date of a paused SLA timer: it never comes, until the resume gives the timer its moved date. (Not a
     * suspension: suspending is a bulk update of the job table that clashes, in one engine command, with the timers'
     * move to a concurrent execution when the pause's event subprocess starts — the Tasklist action runs all in one.)
     */
    static final Date PARKED = Date.from(Instant.parse("9999-12-31T00:00:00Z"));
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The timers of the handling tasks that stand still while paused, and the variable holding each one's date. */
    static final Map<String, String> TIMERS = Map.of(
            "Timer_ResponseSlaReminder", FeedbackVariables.RESPONSE_REMINDER_AT,
            "Timer_ResponseSlaBreached", FeedbackVariables.RESPONSE_DUE,
            "Timer_ResolutionSlaReminder", FeedbackVariables.RESOLUTION_REMINDER_AT,
            "Timer_ResolutionSlaBreached", FeedbackVariables.RESOLUTION_DUE,
            "Timer_ProgressNotice", FeedbackVariables.PROGRESS_NOTICE_AT);
    private static final List<String> PAUSABLE_TASKS = List.of(FeedbackService.RESPOND_TASK, FeedbackService.RESOLVE_TASK);

    private final FeedbackService feedback;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final ServiceParameters parameters;
    private final SlaTimes times;
    private final Clock clock;

    SlaPause(FeedbackService feedback, RuntimeService runtime, TaskService tasks, ManagementService management,
             ServiceParameters parameters, SlaTimes times, Clock clock) {
        this.feedback = feedback;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.parameters = parameters;
        this.times = times;
        this.clock = clock;
    }

    /** A pause request: {@code reason} WAITING_FOR_CUSTOMER | WAITING_FOR_PARTS | WAITING_FOR_THIRD_PARTY, optional note. */
    public record PauseRequest(String reason, String note) {}

    /** A resume request: optional note. */
    public record ResumeRequest(String note) {}

    /** Pauses the item's SLA clock (404 unknown, 400 bad reason or note, 403 not a handler, 409 already paused / nothing running). */
    @Transactional
    public FeedbackRef pause(String number, PauseRequest request, ApiUser by) {
        return FeedbackRef.of(pauseItem(number, request, by));
    }

    @Transactional
    FeedbackItem pauseItem(String number, PauseRequest request, ApiUser by) {
        FeedbackItem item = feedback.get(number);
        List<InvalidRequestException.FieldError> errors = new ArrayList<>();
        PauseReason reason = null;
        String raw = request == null || request.reason() == null ? null : request.reason().strip();
        if (raw == null || raw.isEmpty()) {
            errors.add(new InvalidRequestException.FieldError("reason", "is required, one of " + List.of(PauseReason.values())));
        } else {
            try {
                reason = PauseReason.valueOf(raw);
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidRequestException.FieldError("reason", "must be one of " + List.of(PauseReason.values())));
            }
        }
        String note = note(request == null ? null : request.note(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Task task = pausableTask(item, by);
        if (item.isPausedNow()) {
            throw new ConflictException("feedback " + number + " is already paused", "ALREADY_PAUSED");
        }
        if (task == null) {
            throw new ConflictException("feedback " + number + " has no response or resolution running to pause", "NOT_RUNNING");
        }
        Instant now = clock.instant();
        for (Job job : slaTimers(item.getProcessInstanceId()).keySet()) {
            management.setJobDuedate(job.getId(), PARKED);
        }
        item.pause(reason, now);
        feedback.log(item, by.id(), ProgressKind.PAUSED, reason.label() + (note == null ? "" : " · " + note));
        runtime.createMessageCorrelation(MESSAGE_PAUSED).processInstanceId(item.getProcessInstanceId())
                .setVariable(FeedbackVariables.LONG_PAUSE_NOTICE_AT,
                        Date.from(times.after(now, parameters.longPauseNotice(), SlaClock.WORKING)))
                .correlateWithResult();
        return item;
    }

    /** Resumes the item's SLA clock (404 unknown, 400 bad note, 403 not a handler, 409 not paused). */
    @Transactional
    public FeedbackRef resume(String number, ResumeRequest request, ApiUser by) {
        return FeedbackRef.of(resumeItem(number, request, by));
    }

    @Transactional
    FeedbackItem resumeItem(String number, ResumeRequest request, ApiUser by) {
        FeedbackItem item = feedback.get(number);
        List<InvalidRequestException.FieldError> errors = new ArrayList<>();
        String note = note(request == null ? null : request.note(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        pausableTask(item, by);
        if (!item.isPausedNow()) {
            throw new ConflictException("feedback " + number + " is not paused", "NOT_PAUSED");
        }
        end(item, by.id(), note, null);
        return item;
    }

    /**
     * Ends a running pause: the paused time on the item's SLA clock moves every deadline still open, with its
     * reminder and progress notice; the parked timers get the moved dates.
     */
    @Transactional
    void end(FeedbackItem item, String by, String note, String completing) {
        String pi = item.getProcessInstanceId();
        Instant now = clock.instant();
        SlaClock slaClock = SlaClock.parse(runtime.getVariable(pi, FeedbackVariables.SLA_CLOCK));
        Duration paused = times.between(item.getPausedAt(), now, slaClock);
        Map<String, Object> moved = new java.util.HashMap<>();
        for (String variable : List.of(FeedbackVariables.RESPONSE_DUE, FeedbackVariables.RESPONSE_REMINDER_AT,
                FeedbackVariables.RESOLUTION_DUE, FeedbackVariables.RESOLUTION_REMINDER_AT, FeedbackVariables.PROGRESS_NOTICE_AT)) {
            boolean responseMet = item.getRespondedAt() != null && variable.startsWith("response");
            if (runtime.getVariable(pi, variable) instanceof Date d && !responseMet) {
                moved.put(variable, Date.from(times.moved(d.toInstant(), paused, slaClock)));
            }
        }
        runtime.setVariables(pi, moved);
        // the timers belong to the one open response or resolution task: a completing task's are deleted with it
        slaTimers(pi).forEach((job, activity) -> {
            if (completing != null) {
                return;
            }
            if (moved.get(TIMERS.get(activity)) instanceof Date due) {
                management.setJobDuedate(job.getId(), due);
            }
        });
        for (Task task : tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKeyIn(PAUSABLE_TASKS.toArray(String[]::new)).list()) {
            if (task.getId().equals(completing)) {
                continue;
            }
            Object due = moved.get(FeedbackService.RESPOND_TASK.equals(task.getTaskDefinitionKey())
                    ? FeedbackVariables.RESPONSE_DUE : FeedbackVariables.RESOLUTION_DUE);
            if (due instanceof Date d) {
                task.setDueDate(d);
                tasks.saveTask(task);
            }
        }
        Instant responseDue = moved.get(FeedbackVariables.RESPONSE_DUE) instanceof Date d ? d.toInstant() : item.getResponseDueAt();
        Instant resolutionDue = moved.get(FeedbackVariables.RESOLUTION_DUE) instanceof Date d ? d.toInstant() : item.getResolutionDueAt();
        long minutes = paused.toMinutes();
        item.resume(minutes, responseDue, resolutionDue);
        feedback.publish(new FeedbackEvent.FeedbackRouted(item.getId(), now, item.getDepartment(), responseDue, resolutionDue));
        feedback.log(item, by, ProgressKind.RESUMED, "暂停 Paused " + minutes + " min（" + (slaClock == SlaClock.WORKING ? "工作时间 working time" : "自然时间 wall clock")
                + "），解决期限 resolution due " + (resolutionDue == null ? "-" : LABEL.format(resolutionDue.atZone(clock.getZone())))
                + (note == null ? "" : " · " + note));
        runtime.createMessageCorrelation(MESSAGE_RESUMED).processInstanceId(pi).correlateAll();
    }

    /** The open response or resolution task, after checking {@code by} may work it (null when neither is open). */
    private Task pausableTask(FeedbackItem item, ApiUser by) {
        Task task = item.getProcessInstanceId() == null ? null : tasks.createTaskQuery().processInstanceId(item.getProcessInstanceId())
                .taskDefinitionKeyIn(PAUSABLE_TASKS.toArray(String[]::new)).singleResult();
        Set<String> may = new HashSet<>(Set.of(CS_SUPERVISORS, CS_MANAGERS, ADMIN));
        boolean assignee = false;
        if (task != null) {
            assignee = by.id().equals(task.getAssignee());
            for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                    may.add(link.getGroupId());
                }
            }
        } else if (item.getDepartment() != null) {
            may.add(item.getDepartment());
        }
        if (!assignee && Collections.disjoint(by.groups(), may)) {
            throw new ForbiddenException("user " + by.id() + " may not work feedback " + item.getNumber()
                    + ": neither its assignee nor in any of the groups " + may.stream().sorted().toList());
        }
        return task;
    }

    /** The SLA timer jobs of the instance, each with its boundary event. */
    private Map<Job, String> slaTimers(String processInstanceId) {
        Map<Job, String> jobs = new java.util.LinkedHashMap<>();
        for (String activity : TIMERS.keySet()) {
            management.createJobQuery().processInstanceId(processInstanceId).activityId(activity).list().forEach(j -> jobs.put(j, activity));
        }
        return jobs;
    }

    private static String note(String raw, List<InvalidRequestException.FieldError> errors) {
        String note = raw == null || raw.isBlank() ? null : raw.strip();
        if (note != null && note.length() > 2000) {
            errors.add(new InvalidRequestException.FieldError("note", "must be at most 2000 characters"));
        }
        return note;
    }
}
