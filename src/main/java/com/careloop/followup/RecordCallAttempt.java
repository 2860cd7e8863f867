package com.careloop.followup;

import com.careloop.engine.PersonalFields;
import com.careloop.customer.CustomerService;
import com.careloop.engine.CompletedBy;
import com.careloop.feedback.FeedbackRef;
import com.careloop.feedback.FeedbackService;
import com.careloop.feedback.FeedbackType;
import com.careloop.feedback.Urgency;
import com.careloop.sla.CallingHours;
import com.careloop.sla.ServiceParameters;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Stores one call: the attempt; when reached the survey and one feedback item per reported issue, a sales
 * lead for purchase intent and a service-recovery item for a detractor who did not complain. Leaves in the
 * process only what its gateways and timers need (attemptCount, retryAt, callbackDue, feedbackItemIds). The numbers
 * of the items a call raised become one comment, on the call task just completed ({@link CompletedCallTask}: GET
 * /engine-rest/task/{id}/comment, Tasklist's History tab) and on the follow-up's process instance; the items are created
 * here, in the transaction that completes the call task (only their handling starts asynchronously), so the numbers
 * exist when the agent's submit returns: Tasklist shows them at once (careloop/call-notice.js, from GET
 * /api/follow-ups/{number}) and they appear in the customer's next call context.
 */
@Component("recordCallAttempt")
class RecordCallAttempt implements JavaDelegate {

    private final FollowUpService followUps;
    private final CallAttemptRepository attempts;
    private final SurveyResponseRepository surveys;
    private final FeedbackService feedback;
    private final CustomerService customers;
    private final CallingHours callingHours;
    private final ServiceParameters parameters;
    private final TaskService comments;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RecordCallAttempt(FollowUpService followUps, CallAttemptRepository attempts, SurveyResponseRepository surveys,
                             FeedbackService feedback, CustomerService customers, CallingHours callingHours,
                             ServiceParameters parameters, TaskService comments, Clock clock, ApplicationEventPublisher events) {
        this.comments = comments;
        this.events = events;
        this.followUps = followUps;
        this.attempts = attempts;
        this.surveys = surveys;
        this.feedback = feedback;
        this.customers = customers;
        this.callingHours = callingHours;
        this.parameters = parameters;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CallReport report = CallReport.read(execution, clock);
        FollowUp followUp = followUps.ofProcess(execution.getProcessBusinessKey());
        String agent = (String) execution.getVariable(CompletedBy.VARIABLE);
        Instant now = clock.instant();
        int attemptNo = followUp.getAttemptCount() + 1;
        attempts.save(new CallAttempt(followUp.getId(), attemptNo, report.callOutcome(), agent, now, report.callbackAt()));
        followUp.recordAttempt(attemptNo, agent);
        customers.recordFollowUpContact(followUp.getCustomerId());

        List<Long> feedbackIds = new ArrayList<>();
        if (report.callOutcome() == CallOutcome.REACHED) {
            followUp.stopAwaitingSurvey(); // reached by phone: an open survey link can no longer be answered
            if (surveys.findByFollowUpId(followUp.getId()).isEmpty()) {
                SurveyResponse survey = surveys.save(new SurveyResponse(followUp.getId(), report, agent, now));
                events.publishEvent(survey.answered(followUp, followUps.tierOf(followUp)));
            }
            Long customerId = followUp.getCustomerId();
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < report.issues().size(); i++) {
                CallIssue issue = report.issues().get(i);
                register(followUp, ISSUE_ENTRY + (i + 1), customerId, FeedbackType.valueOf(issue.type().name()), issue.urgency(),
                        issue.description(), agent, feedbackIds, numbers);
            }
            if (report.purchaseIntent()) {
                register(followUp, FeedbackType.SALES_LEAD.name(), customerId, FeedbackType.SALES_LEAD, Urgency.NORMAL,
                        "回访中表达购买意向 Purchase intent expressed on follow-up call", agent, feedbackIds, numbers);
            }
            if (report.isDetractor() && !report.complained()) {
                register(followUp, FeedbackType.SERVICE_RECOVERY.name(), customerId, FeedbackType.SERVICE_RECOVERY, Urgency.NORMAL,
                        "低分客户服务补救 Detractor (satisfaction " + report.satisfaction() + "/5, NPS " + report.nps() + ")", agent,
                        feedbackIds, numbers);
            }
            if (!numbers.isEmpty()) {
                comments.createComment(CompletedCallTask.of(execution), execution.getProcessInstanceId(), createdComment(numbers));
            }
        }
        execution.setVariable(FollowUpVariables.ATTEMPT_COUNT, attemptNo);
        execution.setVariable(FollowUpVariables.FEEDBACK_ITEM_IDS, feedbackIds);
        if (report.callOutcome().isRetryable()) {
            execution.setVariable(FollowUpVariables.RETRY_AT, Date.from(callingHours.nextCallTime(now.plus(parameters.followUpRetryInterval()))));
        }
        if (report.callbackAt() != null) {
            execution.setVariable(FollowUpVariables.CALLBACK_DUE, Date.from(callingHours.nextCallTime(report.callbackAt())));
        }
        PersonalFields.removeFrom(execution);
        for (String field : CallReport.SURVEY_FIELDS) {
            execution.removeVariable(field);
        }
    }

    /** Entry of the n-th reported issue of a call (feedback_item.call_entry): ISSUE_1, ISSUE_2 … */
    static final String ISSUE_ENTRY = "ISSUE_";

    /** The comment a call that raised feedback leaves: "已创建反馈单 Feedback created: FB…, FB…". */
    static String createdComment(List<String> numbers) {
        return "已创建反馈单 Feedback created: " + String.join(", ", numbers);
    }

    private void register(FollowUp followUp, String entry, Long customerId, FeedbackType type, Urgency urgency, String text,
                          String agent, List<Long> ids, List<String> numbers) {
        FeedbackRef item = feedback.registerFromCall(followUp.getId(), entry, customerId, type, urgency, text, agent);
        ids.add(item.id());
        numbers.add(item.number());
    }
}
