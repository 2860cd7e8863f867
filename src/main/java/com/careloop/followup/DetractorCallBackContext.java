package com.careloop.followup;

import com.careloop.customer.CustomerService;
import com.careloop.customer.CustomerView;
import com.careloop.customer.MaskedPhone;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * What the detractor call-back task shows (task-local, gone with the task, kept out of history: engine/PersonalFields):
 * the customer (name, masked phone), the scenario and the answer given by link ({@value #ANSWER}: scores, whether they
 * asked for a call, their comment), so the agent knows why to call before dialling.
 */
@Component("detractorCallBackContext")
class DetractorCallBackContext implements TaskListener {

    static final String ANSWER = "surveyAnswer";

    private final FollowUpService followUps;
    private final SurveyResponseRepository surveys;
    private final CustomerService customers;

    DetractorCallBackContext(FollowUpService followUps, SurveyResponseRepository surveys, CustomerService customers) {
        this.followUps = followUps;
        this.surveys = surveys;
        this.customers = customers;
    }

    @Override
    public void notify(DelegateTask task) {
        String number = task.getExecution().getProcessBusinessKey();
        FollowUp followUp = followUps.ofProcess(number);
        CustomerView customer = customers.get(followUp.getCustomerId());
        task.setName("差评回访 " + customer.name() + " · " + followUp.getScenario().zh());
        task.setVariableLocal(CallTaskContext.CUSTOMER_NAME, customer.name());
        task.setVariableLocal(CallTaskContext.PHONE_MASKED, MaskedPhone.of(customer.phone()));
        task.setVariableLocal(CallTaskContext.SCENARIO_LABEL, followUp.getScenario().label());
        task.setVariableLocal(CallTaskContext.FOLLOW_UP_NUMBER, number);
        task.setVariableLocal(ANSWER, surveys.findByFollowUpId(followUp.getId()).map(DetractorCallBackContext::describe).orElse(""));
    }

    /** "满意度 Satisfaction 2/5 · NPS 3/10 · 服务态度 Attitude 2/5 … · 留言 Comment: …" (Markdown for the form). */
    static String describe(SurveyResponse s) {
        StringBuilder b = new StringBuilder();
        b.append("满意度 Satisfaction **").append(s.getSatisfaction()).append("/5** · NPS **").append(s.getNps()).append("/10**");
        score(b, "服务态度 Attitude", s.getScoreAttitude());
        score(b, "专业能力 Expertise", s.getScoreExpertise());
        score(b, "及时性 Timeliness", s.getScoreTimeliness());
        score(b, "解决效果 Resolution", s.getScoreResolution());
        score(b, "便捷性 Convenience", s.getScoreConvenience());
        if (s.getIssueResolved() != null) {
            b.append(" · 问题已解决 Resolved: ").append(s.getIssueResolved() ? "是 yes" : "否 no");
        }
        if (s.isCallbackRequested()) {
            b.append(" · **希望回电 Asked for a call**");
        }
        b.append(" · 渠道 Channel: ").append(s.getChannel().label());
        if (s.getFeedbackText() != null) {
            b.append("\n\n留言 Comment: ").append(s.getFeedbackText());
        }
        return b.toString();
    }

    private static void score(StringBuilder b, String label, Integer value) {
        if (value != null) {
            b.append(" · ").append(label).append(' ').append(value).append("/5");
        }
    }
}
