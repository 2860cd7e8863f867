package com.careloop.followup;

import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerView;
import com.careloop.customer.MainlandMobile;
import com.careloop.feedback.FeedbackRef;
import com.careloop.feedback.FeedbackService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * How this follow-up, or this closure re-visit of feedbackHandling, surveys the customer (bpmn/surveyChannel.dmn): from
 * the scenario (follow-ups) or the feedback item's type (re-visits), the tier, whether the customer has a mainland mobile
 * number, whether they refused texts and whether they got a survey text lately (suppression). Stores a follow-up's
 * channel on the follow-up and leaves in the process only the channel and the hours the text waits (the phone number
 * itself never becomes a variable).
 */
@Component("decideSurveyChannel")
class DecideSurveyChannel implements JavaDelegate {

    private final FollowUpRepository followUps;
    private final CustomerService customers;
    private final SurveyChannel channel;
    private final SurveyTexts texts;
    private final com.careloop.sla.ServiceParameters parameters;
    private final FeedbackService feedback;

    DecideSurveyChannel(FollowUpRepository followUps, CustomerService customers, SurveyChannel channel, SurveyTexts texts,
                        com.careloop.sla.ServiceParameters parameters, FeedbackService feedback) {
        this.feedback = feedback;
        this.followUps = followUps;
        this.customers = customers;
        this.channel = channel;
        this.texts = texts;
        this.parameters = parameters;
    }

    /**
     * Reads the follow-up as a projection and writes the channel by a single-column UPDATE: the process is started in the
     * transaction that creates the row, whose process id the writer sets by SQL afterwards; a follow-up entity loaded
     * here would hide that id from the rest of the transaction (or write it back empty).
     */
    @Override
    public void execute(DelegateExecution execution) {
        if (FeedbackService.PROCESS_KEY.equals(processKeyOf(execution))) {
            revisit(execution);
            return;
        }
        String number = execution.getProcessBusinessKey();
        FollowUpRepository.ChannelFacts followUp = followUps.findChannelFactsByNumber(number)
                .orElseThrow(() -> new IllegalStateException("no follow-up " + number));
        CustomerView customer = customers.get(followUp.getCustomerId());
        SurveyChannel.Choice choice = channel.decide(new SurveyChannel.Facts(followUp.getScenario(), customer.tier(), null,
                MainlandMobile.matches(customer.phone()), texts.textsRefused(customer.id()),
                texts.textedWithin(customer.id(), parameters.surveyTextSuppression())));
        if (choice.channel().texts()) { // no column written for the phone (null reads as PHONE)
            followUps.recordSurveyChannel(followUp.getId(), choice.channel());
        }
        leave(execution, choice);
    }

    /** A closure re-visit: the item's type instead of a scenario; nothing is stored but the process's variables. */
    private void revisit(DelegateExecution execution) {
        String number = execution.getProcessBusinessKey();
        FeedbackRef item = feedback.ref(number);
        CustomerView customer = customers.get(feedback.customerOf(number));
        leave(execution, channel.decide(new SurveyChannel.Facts(null, customer.tier(), item.type().name(),
                MainlandMobile.matches(customer.phone()), texts.textsRefused(customer.id()),
                texts.textedWithin(customer.id(), parameters.surveyTextSuppression()))));
    }

    private static void leave(DelegateExecution execution, SurveyChannel.Choice choice) {
        execution.setVariable(FollowUpVariables.SURVEY_CHANNEL, choice.channel().name());
        if (choice.channel().texts()) {
            execution.setVariable(FollowUpVariables.SURVEY_WAIT_HOURS, choice.waitHours());
        }
        if (choice.appointmentText() && !choice.channel().texts()) { // absent = none: one variable less per start
            execution.setVariable(FollowUpVariables.APPOINTMENT_TEXT, true);
        }
    }

    /** The key of the process this task belongs to (read from the model: no query). */
    private static String processKeyOf(DelegateExecution execution) {
        ModelElementInstance e = execution.getBpmnModelElementInstance();
        while (e != null && !(e instanceof Process)) {
            e = e.getParentElement();
        }
        return e == null ? null : ((Process) e).getId();
    }
}
