package com.careloop.followup;

import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerView;
import com.careloop.customer.MainlandMobile;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * How this follow-up surveys the customer (bpmn/surveyChannel.dmn): from the scenario, the tier, whether the customer
 * has a mainland mobile number, whether they refused texts and whether they got a survey text lately (suppression). Stores the channel on the follow-up and leaves in the
 * process only the channel and the hours the text waits (the phone number itself never becomes a variable).
 */
@Component("decideSurveyChannel")
class DecideSurveyChannel implements JavaDelegate {

    private final FollowUpService followUps;
    private final CustomerService customers;
    private final SurveyChannel channel;
    private final SurveyTexts texts;
    private final com.careloop.sla.ServiceParameters parameters;

    DecideSurveyChannel(FollowUpService followUps, CustomerService customers, SurveyChannel channel, SurveyTexts texts,
                        com.careloop.sla.ServiceParameters parameters) {
        this.parameters = parameters;
        this.followUps = followUps;
        this.customers = customers;
        this.channel = channel;
        this.texts = texts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FollowUp followUp = followUps.ofProcess(execution.getProcessBusinessKey());
        CustomerView customer = customers.get(followUp.getCustomerId());
        SurveyChannel.Choice choice = channel.decide(new SurveyChannel.Facts(followUp.getScenario(), customer.tier(), null,
                MainlandMobile.matches(customers.phoneOf(customer.id()).orElse(null)), texts.textsRefused(customer.id()),
                texts.textedWithin(customer.id(), parameters.surveyTextSuppression())));
        if (choice.channel().texts()) { // no column written for the phone (null reads as PHONE): the common start stays as cheap
            followUp.surveyBy(choice.channel());
            // the writer records the instance id by SQL after the start; this entity is written back by JPA at the commit,
            // whole, so it must carry the id too (else it would write it back empty)
            if (followUp.getProcessInstanceId() == null) {
                followUp.setProcessInstanceId(execution.getProcessInstanceId());
            }
        }
        execution.setVariable(FollowUpVariables.SURVEY_CHANNEL, choice.channel().name());
        if (choice.channel().texts()) {
            execution.setVariable(FollowUpVariables.SURVEY_WAIT_HOURS, choice.waitHours());
        }
    }
}
