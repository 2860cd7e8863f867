package com.careloop.followup;

import com.careloop.sla.CallingHours;
import com.careloop.sla.ServiceParameters;
import com.careloop.sla.WorkCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appointment texts (seed 001, bpmn/surveyChannel.dmn {@code appointmentText}): the call they announce and the
 * customer's replies to them. The call is planned on the working day after the text, at {@code appointment.callAt}
 * (bpmn/serviceParameters.dmn), inside calling hours. A reply {@code 1} is noted on the call; {@code 2} brings the call
 * forward — the message {@value #RESCHEDULE_MESSAGE} ends the wait for the planned time — and the call task asks the
 * agent to agree a new time first, on top of the list ({@link #RESCHEDULE_PRIORITY}).
 */
@Service
public class Appointments {

    /** The message the followUp process waits for, besides the planned time, after an appointment text. */
    public static final String RESCHEDULE_MESSAGE = "AppointmentRescheduleRequested";
    /** The priority of a call task whose customer asked for another time: above every scenario's priority. */
    static final int RESCHEDULE_PRIORITY = 100;

    /** What a reply did: {@code followUpNumber} null when the customer has no open appointment (nothing changed). */
    public record Replied(String followUpNumber, AppointmentReply reply) {}

    private final FollowUpRepository followUps;
    private final WorkCalendar calendar;
    private final CallingHours callingHours;
    private final ServiceParameters parameters;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final Clock clock;

    Appointments(FollowUpRepository followUps, WorkCalendar calendar, CallingHours callingHours, ServiceParameters parameters,
                 RuntimeService runtime, TaskService tasks, Clock clock) {
        this.followUps = followUps;
        this.calendar = calendar;
        this.callingHours = callingHours;
        this.parameters = parameters;
        this.runtime = runtime;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** The planned call of a text sent at {@code sentAt}: the next working day at appointment.callAt, inside calling hours. */
    Instant plannedCallAfter(Instant sentAt) {
        LocalDate day = sentAt.atZone(calendar.zone()).toLocalDate().plusDays(1);
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return callingHours.nextCallTime(ZonedDateTime.of(day, parameters.appointmentCallAt(), calendar.zone()).toInstant());
    }

    /** Plans the call of the follow-up whose appointment text goes out now; the planned time is what the text says. */
    @Transactional
    Instant plan(String number) {
        FollowUp followUp = followUps.findByNumber(number).orElseThrow(() -> new IllegalStateException("no follow-up " + number));
        Instant at = plannedCallAfter(clock.instant());
        followUp.planAppointment(at);
        return at;
    }

    /**
     * A reply of one customer to their appointment text: recorded on their open follow-up with an appointment (the last
     * reply wins); {@link AppointmentReply#RESCHEDULE} ends the wait for the planned time or, when the call task is open
     * already, puts it on top of the list.
     */
    @Transactional
    public Replied reply(long customerId, AppointmentReply reply, Instant at) {
        Optional<FollowUp> open = followUps.findFirstByCustomerIdAndStatus(customerId, FollowUpStatus.OPEN);
        if (open.isEmpty() || !open.get().replyToAppointment(reply, at)) {
            return new Replied(null, reply);
        }
        FollowUp followUp = open.get();
        if (reply == AppointmentReply.RESCHEDULE) {
            boolean waiting = !runtime.createMessageCorrelation(RESCHEDULE_MESSAGE).processInstanceBusinessKey(followUp.getNumber())
                    .correlateAllWithResult().isEmpty();
            if (!waiting && followUp.getProcessInstanceId() != null) {
                List<Task> calls = tasks.createTaskQuery().processInstanceId(followUp.getProcessInstanceId())
                        .taskDefinitionKey(FollowUpService.CALL_TASK).list();
                calls.forEach(t -> tasks.setPriority(t.getId(), RESCHEDULE_PRIORITY));
            }
        }
        return new Replied(followUp.getNumber(), reply);
    }
}
