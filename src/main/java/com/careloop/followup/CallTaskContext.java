package com.careloop.followup;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Says in the call task whom to call and why: the task's name ("回访 王芳 · 新客户回访") and task-local variables for the
 * form and the Tasklist list columns — {@link #CUSTOMER_NAME}, {@link #PHONE_MASKED} (never the full number),
 * {@link #SCENARIO_LABEL}, {@link #TIER_LABEL}, the context text {@link #VARIABLE} (history, open feedback), the
 * scenario's call script {@link #SCRIPT} and the follow-up number the form's dial link uses. Gone when the task is
 * done and kept out of history (engine/PersonalFields; the history keeps the model's task name). A bulk start hands
 * the card in ready-made as the transient variable {@link #PREPARED}.
 */
@Component("callTaskContext")
class CallTaskContext implements TaskListener {

    /** Markdown on top of the call form: customer, tier, scenario, last follow-ups, open feedback. */
    public static final String VARIABLE = "callContext";
    public static final String CUSTOMER_NAME = "customerName";
    public static final String PHONE_MASKED = "customerPhoneMasked";
    public static final String SCENARIO_LABEL = "scenarioLabel";
    public static final String TIER_LABEL = "tierLabel";
    public static final String SCRIPT = "callScript";
    /** The follow-up's number, for the form's link to the dial page. */
    public static final String FOLLOW_UP_NUMBER = "followUpNumber";
    /** Transient only: a {@link CallContext.Card} built for a whole chunk of starts. */
    static final String PREPARED = "preparedCallCard";

    private final CallContext context;
    private final CallScripts scripts;
    private final FollowUpService followUps;
    private final Clock clock;

    CallTaskContext(CallContext context, CallScripts scripts, FollowUpService followUps, Clock clock) {
        this.context = context;
        this.scripts = scripts;
        this.followUps = followUps;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        String number = task.getExecution().getProcessBusinessKey();
        FollowUp followUp = task.getVariable(PREPARED) instanceof CallContext.Card ? null : followUps.ofProcess(number);
        CallContext.Card card = followUp == null ? (CallContext.Card) task.getVariable(PREPARED) : context.of(followUp.getId(), clock.getZone());
        String appointment = followUp == null ? null : appointmentNote(followUp);
        boolean reschedule = followUp != null && followUp.getAppointmentAt() != null
                && followUp.getAppointmentReply() == AppointmentReply.RESCHEDULE;
        task.setName(reschedule ? "【改期 Reschedule】" + card.taskName() : card.taskName());
        if (reschedule) {
            task.setPriority(Appointments.RESCHEDULE_PRIORITY);
        }
        task.setVariableLocal(CUSTOMER_NAME, card.customerName());
        task.setVariableLocal(PHONE_MASKED, card.phoneMasked());
        task.setVariableLocal(SCENARIO_LABEL, card.scenario().label());
        task.setVariableLocal(TIER_LABEL, card.tier().label());
        task.setVariableLocal(VARIABLE, appointment == null ? card.text() : appointment + "\n\n" + card.text());
        task.setVariableLocal(SCRIPT, scripts.of(card.scenario()));
        task.setVariableLocal(FOLLOW_UP_NUMBER, number);
        // the customer asked to be called back at this time: the call is on the agent's "今日预约回拨 Call-backs today"
        if (CallOutcome.CALL_BACK_LATER.name().equals(task.getExecution().getVariable(FollowUpVariables.CALL_OUTCOME))) {
            task.setVariableLocal(com.careloop.identity.TasklistFilters.CALLBACK_SCHEDULED, true);
        }
        // a new attempt is a new answer: do not pre-fill the previous attempt's outcome in the form
        task.getExecution().removeVariable(FollowUpVariables.CALL_OUTCOME);
        task.getExecution().removeVariable(FollowUpVariables.CALLBACK_AT);
    }

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter.ofPattern("M月d日 HH:mm");

    /** What the appointment text and the customer's reply mean for this call (seed 001), or null without one. */
    private String appointmentNote(FollowUp followUp) {
        if (followUp.getAppointmentAt() == null) {
            return null;
        }
        String when = WHEN.format(followUp.getAppointmentAt().atZone(clock.getZone()));
        AppointmentReply reply = followUp.getAppointmentReply();
        if (reply == AppointmentReply.RESCHEDULE) {
            return "**请先改约 Agree a new time first** 客户回复 2 要求改期（原定 " + when + "）：请先与客户商定新的回访时间，"
                    + "通话结果选「约定回电」。 The customer replied 2 to the appointment text: agree a new time first (outcome: call back later).";
        }
        if (reply == AppointmentReply.CONFIRMED) {
            return "**预约 Appointment** 客户已回复 1 确认 " + when + " 的回访。 The customer confirmed the call at " + when + ".";
        }
        return "**预约 Appointment** 已短信预约 " + when + " 回访，客户未回复，按计划拨打。 Appointment text sent for " + when
                + "; no reply: call as planned.";
    }
}
