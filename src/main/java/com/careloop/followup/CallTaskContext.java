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
        CallContext.Card card = task.getVariable(PREPARED) instanceof CallContext.Card prepared
                ? prepared : context.of(followUps.ofProcess(number).getId(), clock.getZone());
        task.setName(card.taskName());
        task.setVariableLocal(CUSTOMER_NAME, card.customerName());
        task.setVariableLocal(PHONE_MASKED, card.phoneMasked());
        task.setVariableLocal(SCENARIO_LABEL, card.scenario().label());
        task.setVariableLocal(TIER_LABEL, card.tier().label());
        task.setVariableLocal(VARIABLE, card.text());
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
}
