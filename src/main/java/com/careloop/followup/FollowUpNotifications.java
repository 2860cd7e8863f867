package com.careloop.followup;

import com.careloop.customer.CustomerService;
import com.careloop.notification.Message;
import com.careloop.notification.NotificationRequests;
import com.careloop.notification.NotificationTask;
import com.careloop.sla.ServiceParameters;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The notification tasks of followUp (external tasks of topic "notification", model property notificationType):
 * {@value #SURVEY_TEXT}, the survey text with a new survey link, to the customer's mobile number, and
 * {@value #APPOINTMENT_TEXT}, the appointment text naming the planned call (replies: {@link Appointments}). The link is made when
 * the text is composed (only its hash is stored, by the survey module) and is never a process variable; once the text
 * is sent the follow-up awaits the answer ({@code AWAITING_SURVEY}).
 */
@Component
class FollowUpNotifications implements NotificationRequests {

    /** The survey text: {0} the company, {1} what it is about (the scenario), {2} the link, {3} the days it is valid. */
    static final String SURVEY_TEXT = "SURVEY_TEXT";
    /** The appointment text (seed 001): {0} the company, {1} the planned call as 12月3日 10:00, {2} the same as 12-03 10:00. */
    static final String APPOINTMENT_TEXT = "APPOINTMENT_TEXT";
    private static final java.time.format.DateTimeFormatter ZH_TIME = java.time.format.DateTimeFormatter.ofPattern("M月d日 HH:mm");
    private static final java.time.format.DateTimeFormatter EN_TIME = java.time.format.DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final FollowUpRepository followUps;
    private final CustomerService customers;
    private final SurveyTexts texts;
    private final Clock clock;
    private final ServiceParameters parameters;

    FollowUpNotifications(FollowUpRepository followUps, CustomerService customers, SurveyTexts texts, Clock clock,
                          ServiceParameters parameters) {
        this.parameters = parameters;
        this.followUps = followUps;
        this.customers = customers;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public String processDefinitionKey() {
        return FollowUpService.PROCESS_KEY;
    }

    @Override
    public List<String> variableNames() {
        return List.of("notificationType", FollowUpVariables.APPOINTMENT_AT);
    }

    @Override
    public Message compose(NotificationTask task) {
        String type = (String) task.variable("notificationType");
        if (!SURVEY_TEXT.equals(type) && !APPOINTMENT_TEXT.equals(type)) {
            throw new IllegalStateException("followUp has no notification type " + type + " (activity " + task.activityId() + ")");
        }
        FollowUp followUp = followUpOf(task);
        String phone = customers.phoneOf(followUp.getCustomerId())
                .orElseThrow(() -> new IllegalStateException("follow-up " + followUp.getNumber() + ": the customer has no phone number"));
        if (APPOINTMENT_TEXT.equals(type)) {
            java.time.ZonedDateTime at = ((java.util.Date) task.variable(FollowUpVariables.APPOINTMENT_AT)).toInstant().atZone(clock.getZone());
            return new Message(APPOINTMENT_TEXT, new Object[] {texts.companyName(), ZH_TIME.format(at), EN_TIME.format(at)},
                    List.of(), List.of(phone), followUp.getNumber(), task.processInstanceId() + ":" + task.activityId());
        }
        String link = texts.newLink(followUp.getId(), followUp.getCustomerId(), AnswerChannel.SMS);
        return new Message(SURVEY_TEXT, new Object[] {texts.companyName(), followUp.getScenario().zh(), link,
                parameters.surveyLinkValidity().toDays()}, List.of(), List.of(phone),
                followUp.getNumber(), task.processInstanceId() + ":" + task.activityId());
    }

    @Override
    public void sent(NotificationTask task, Message message) {
        if (SURVEY_TEXT.equals(message.type())) {
            followUpOf(task).awaitSurvey(clock.instant());
        }
    }

    private FollowUp followUpOf(NotificationTask task) {
        return followUps.findByNumber(task.businessKey())
                .orElseThrow(() -> new IllegalStateException("no follow-up " + task.businessKey()));
    }
}
