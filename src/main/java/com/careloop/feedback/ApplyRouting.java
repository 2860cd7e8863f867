package com.careloop.feedback;

import com.careloop.identity.CareLoopGroups;
import com.careloop.sla.ServiceParameters;
import com.careloop.sla.SlaClock;
import com.careloop.sla.WorkCalendar;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Turns the feedbackRouting decision into deadlines on the work calendar: the owner group, response and
 * resolution due dates and their reminders (at the fraction {@code feedback.reminderAt} of bpmn/serviceParameters.dmn,
 * which the reminder timers' names state). Task due dates and SLA timers read these same instants; the tasks'
 * priority is the row {@code feedback.taskPriority.<urgency>} of the same table.
 */
@Component("applyRouting")
class ApplyRouting implements JavaDelegate {

    private final FeedbackService feedback;
    private final WorkCalendar calendar;
    private final ServiceParameters parameters;
    private final java.time.Clock clock;
    private final SlaTimes times;

    ApplyRouting(FeedbackService feedback, WorkCalendar calendar, ServiceParameters parameters, java.time.Clock clock, SlaTimes times) {
        this.times = times;
        this.clock = clock;
        this.feedback = feedback;
        this.calendar = calendar;
        this.parameters = parameters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        Map<String, Object> routing = (Map<String, Object>) execution.getVariable(FeedbackVariables.ROUTING);
        if (routing == null) {
            throw new IllegalStateException("feedbackRouting returned no rule for type " + execution.getVariable(FeedbackVariables.FEEDBACK_TYPE)
                    + " and urgency " + execution.getVariable(FeedbackVariables.FEEDBACK_URGENCY));
        }
        FeedbackItem item = feedback.itemOf(execution);
        String group = (String) routing.get("candidateGroup");
        SlaClock slaClock = SlaClock.parse(routing.get("clock"));
        String resolutionSla = (String) routing.get("resolutionSla");
        Instant start = item.getCreatedAt();
        Instant responseDue = calendar.deadline(start, (String) routing.get("responseSla"), slaClock);
        Instant resolutionDue = calendar.deadline(start, resolutionSla, slaClock);

        boolean firstRouting = item.getDepartment() == null;
        item.route(group, responseDue, resolutionDue);
        feedback.publish(new FeedbackEvent.FeedbackRouted(item.getId(), clock.instant(), group, responseDue, resolutionDue));
        if (firstRouting) {
            feedback.log(item, null, ProgressKind.ROUTED, "分派至 Routed to " + CareLoopGroups.nameOf(group));
        }
        execution.setVariable(FeedbackVariables.CANDIDATE_GROUP, group);
        execution.setVariable(FeedbackVariables.SLA_CLOCK, slaClock.name());
        execution.setVariable(FeedbackVariables.RESOLUTION_SLA, resolutionSla);
        execution.setVariable(FeedbackVariables.RESPONSE_DUE, Date.from(responseDue));
        execution.setVariable(FeedbackVariables.RESPONSE_REMINDER_AT, Date.from(calendar.reminder(start, responseDue, slaClock, parameters.reminderAt())));
        execution.setVariable(FeedbackVariables.RESOLUTION_DUE, Date.from(resolutionDue));
        execution.setVariable(FeedbackVariables.RESOLUTION_REMINDER_AT, Date.from(calendar.reminder(start, resolutionDue, slaClock, parameters.reminderAt())));
        execution.setVariable(FeedbackVariables.PROGRESS_NOTICE_AT,
                Date.from(times.before(start, resolutionDue, parameters.progressNoticeLead(), slaClock)));
        execution.setVariable(FeedbackVariables.REVISIT_REQUIRED, Boolean.TRUE.equals(routing.get("revisitRequired")));
        execution.setVariable(FeedbackVariables.URGENT, item.getUrgency() == Urgency.URGENT);
        execution.setVariable(FeedbackVariables.TASK_PRIORITY, parameters.feedbackTaskPriority(item.getUrgency().name()));
    }
}
