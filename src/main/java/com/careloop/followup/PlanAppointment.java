package com.careloop.followup;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Plans the call an appointment text announces ({@link Appointments#plan}): stored on the follow-up and left in the
 * process as {@code appointmentAt}, which the text names and the timer {@code Timer_PlannedCallTime} waits for.
 */
@Component("planAppointment")
class PlanAppointment implements JavaDelegate {

    private final Appointments appointments;

    PlanAppointment(Appointments appointments) {
        this.appointments = appointments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(FollowUpVariables.APPOINTMENT_AT, Date.from(appointments.plan(execution.getProcessBusinessKey())));
    }
}
