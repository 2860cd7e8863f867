package com.careloop.feedback;

import static com.careloop.identity.CareLoopGroups.CS_SUPERVISORS;

import com.careloop.notification.Message;
import com.careloop.notification.NotificationProperties;
import com.careloop.notification.NotificationRequests;
import com.careloop.notification.NotificationTask;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The notification tasks of feedbackHandling (external tasks of topic "notification", served by the notification
 * module's worker outside any transaction; model properties notificationType, optional slaStage): URGENT_ASSIGNED and
 * SLA_REMINDER go to the owner group, SLA_ESCALATION to the supervisors and the department head (e-mail, and SMS
 * where a number is configured). The item is the one of the process's business key.
 */
@Component
public class FeedbackNotifications implements NotificationRequests {

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** The customer is told that verification found the item not genuine (argument {6}: the reason). */
    static final String FEEDBACK_INVALID = "FEEDBACK_INVALID";
    /** The customer is told the item is still being handled, before its resolution deadline (argument {4}: the deadline). */
    static final String FEEDBACK_PROGRESS = "FEEDBACK_PROGRESS";
    /** The supervisors are told an item's SLA has been paused too long (arguments {4}: since, {6}: the reason). */
    static final String SLA_LONG_PAUSE = "SLA_LONG_PAUSE";

    /**
     * The closure re-visit's survey text (Task_SendRevisitText), to the customer's mobile number: arguments {0} the
     * company, {1} what it is about (the item's type), {2} a new survey link, {3} the days it is valid. The link is made
     * when the text is composed (only its hash is stored, by the survey module) and is never a process variable.
     */
    static final String SURVEY_TEXT = "SURVEY_TEXT";

    /** The key of the addresses read in the current transaction (see {@link #emailsOf}). */
    private final Object emailsRead = new Object();

    private final FeedbackService feedback;
    private final IdentityService identity;
    private final NotificationProperties props;
    private final Clock clock;
    private final com.careloop.customer.CustomerService customers;
    private final RevisitLinks links;
    private final RevisitAnswers revisits;
    private final com.careloop.sla.ServiceParameters parameters;

    public FeedbackNotifications(FeedbackService feedback, IdentityService identity, NotificationProperties props, Clock clock,
                                 com.careloop.customer.CustomerService customers, RevisitLinks links, RevisitAnswers revisits,
                                 com.careloop.sla.ServiceParameters parameters) {
        this.customers = customers;
        this.links = links;
        this.revisits = revisits;
        this.parameters = parameters;
        this.feedback = feedback;
        this.identity = identity;
        this.props = props;
        this.clock = clock;
    }

    @Override
    public String processDefinitionKey() {
        return FeedbackService.PROCESS_KEY;
    }

    @Override
    public List<String> variableNames() {
        return List.of(FeedbackVariables.NOTIFICATION_TYPE, FeedbackVariables.SLA_STAGE, FeedbackVariables.RESPONSE_DUE,
                FeedbackVariables.RESOLUTION_DUE, FeedbackVariables.VERIFY_DUE, FeedbackVariables.LONG_PAUSE_NOTICE_AT);
    }

    @Override
    public Message compose(NotificationTask task) {
        String type = (String) task.variable(FeedbackVariables.NOTIFICATION_TYPE);
        String stage = (String) task.variable(FeedbackVariables.SLA_STAGE);
        FeedbackItem item = itemOf(task);
        if (SURVEY_TEXT.equals(type)) {
            return surveyText(task, item);
        }
        if (FEEDBACK_INVALID.equals(type) || FEEDBACK_PROGRESS.equals(type)) {
            return toCustomer(task, item, type);
        }
        // verification is the service centre's, before any routing
        String group = "VERIFY".equals(stage) ? com.careloop.identity.CareLoopGroups.CS_CENTER : item.getDepartment();
        Object due = switch (stage == null ? "" : stage) {
            case "RESOLUTION" -> task.variable(FeedbackVariables.RESOLUTION_DUE);
            case "VERIFY" -> task.variable(FeedbackVariables.VERIFY_DUE);
            default -> task.variable(FeedbackVariables.RESPONSE_DUE);
        };
        String dueLabel = due instanceof Date d ? LABEL.format(d.toInstant().atZone(clock.getZone())) : "";

        Set<String> email = new LinkedHashSet<>(emailsOf(group));
        List<String> sms = new ArrayList<>();
        if (SLA_LONG_PAUSE.equals(type)) {
            email.addAll(emailsOf(CS_SUPERVISORS));
            String since = item.getPausedAt() == null ? "" : LABEL.format(item.getPausedAt().atZone(clock.getZone()));
            String reason = item.getPauseReason() == null ? "" : item.getPauseReason().label();
            return new Message(type, new Object[] {item.getNumber(), item.getType().label(), item.getUrgency().label(), group, since,
                    stageLabel(stage), reason}, List.copyOf(email), sms, item.getNumber(),
                    task.processInstanceId() + ":" + task.activityId() + ":"
                    + (task.variable(FeedbackVariables.LONG_PAUSE_NOTICE_AT) instanceof Date d ? d.getTime() : 0));
        }
        if ("SLA_ESCALATION".equals(type)) {
            email.addAll(emailsOf(CS_SUPERVISORS));
            addIfPresent(email, props.departmentHeadEmail().get(group));
            addIfPresent(sms, props.departmentHeadSms().get(group));
        } else if ("URGENT_ASSIGNED".equals(type)) {
            addIfPresent(sms, props.departmentHeadSms().get(group));
        }
        Object[] args = {item.getNumber(), item.getType().label(), item.getUrgency().label(), group, dueLabel, stageLabel(stage)};
        // one key per process, notification point and deadline: a reopened item's new deadline notifies again
        String key = task.processInstanceId() + ":" + task.activityId() + ":" + (due instanceof Date d ? d.getTime() : 0);
        return new Message(type, args, List.copyOf(email), sms, item.getNumber(), key);
    }

    /**
     * FEEDBACK_INVALID: the customer is told that the item was found not genuine at verification, with the reason — by
     * SMS to the register's contact phone (else the customer's) and by e-mail where the customer has one.
     */
    private Message toCustomer(NotificationTask task, FeedbackItem item, String type) {
        var customer = customers.find(item.getCustomerId()).orElse(null);
        String phone = item.getContactPhone() != null ? item.getContactPhone() : customer == null ? null : customer.phone();
        List<String> sms = new ArrayList<>();
        addIfPresent(sms, phone);
        List<String> email = new ArrayList<>();
        addIfPresent(email, customer == null ? null : customer.email());
        Object due = task.variable(FeedbackVariables.RESOLUTION_DUE);
        String dueLabel = due instanceof Date d ? LABEL.format(d.toInstant().atZone(clock.getZone())) : "";
        Object[] args = {item.getNumber(), item.getType().label(), item.getUrgency().label(), "", dueLabel, "", item.getInvalidReason()};
        // a progress notice once per deadline (a moved or reopened deadline is another notice)
        return new Message(type, args, List.copyOf(email), sms, item.getNumber(), task.processInstanceId() + ":" + task.activityId()
                + (FEEDBACK_PROGRESS.equals(type) && due instanceof Date d ? ":" + d.getTime() : ""));
    }

    private Message surveyText(NotificationTask task, FeedbackItem item) {
        String phone = customers.phoneOf(item.getCustomerId())
                .orElseThrow(() -> new IllegalStateException("feedback " + item.getNumber() + ": the customer has no phone number"));
        String link = links.newRevisitLink(item.getId(), item.getCustomerId());
        String type = item.getType().label();
        String about = type.substring(0, type.indexOf(' ') < 0 ? type.length() : type.indexOf(' ')) + "处理回访";
        return new Message(SURVEY_TEXT, new Object[] {links.companyName(), about, link, parameters.surveyLinkValidity().toDays()},
                List.of(), List.of(phone), item.getNumber(), task.processInstanceId() + ":" + task.activityId() + ":" + item.getReopenCount());
    }

    @Override
    public void sent(NotificationTask task, Message message) {
        if (SURVEY_TEXT.equals(message.type())) {
            revisits.textSent(itemOf(task));
        }
        if (SLA_LONG_PAUSE.equals(message.type())) {
            feedback.log(itemOf(task), null, ProgressKind.LONG_PAUSE, "暂停过久，已通知主管 Paused too long, supervisors told");
        }
        if ("SLA_REMINDER".equals(message.type())) {
            // escalations are logged by escalateOverdue; who got what is in the delivery log
            feedback.log(itemOf(task), null, ProgressKind.REMINDER,
                    stageLabel((String) task.variable(FeedbackVariables.SLA_STAGE)) + " → " + String.join(", ", message.emailTo()));
        }
    }

    private FeedbackItem itemOf(NotificationTask task) {
        return feedback.ofBusinessKey(task.businessKey());
    }

    static String stageLabel(String stage) {
        return switch (stage == null ? "" : stage) {
            case "RESOLUTION" -> "解决 resolution";
            case "VERIFY" -> "核实 verification";
            default -> "响应 response";
        };
    }

    /**
     * The e-mail addresses of a group's members, read once per transaction: the notification worker composes a
     * whole batch in one, so a batch of escalations reads the supervisors once, not once per item.
     */
    private List<String> emailsOf(String group) {
        if (group == null) {
            return List.of();
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return readEmailsOf(group);
        }
        @SuppressWarnings("unchecked")
        Map<String, List<String>> read = (Map<String, List<String>>) TransactionSynchronizationManager.getResource(emailsRead);
        if (read == null) {
            Map<String, List<String>> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(emailsRead, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(emailsRead);
                }
            });
            read = fresh;
        }
        return read.computeIfAbsent(group, this::readEmailsOf);
    }

    private List<String> readEmailsOf(String group) {
        return identity.createUserQuery().memberOfGroup(group).list().stream()
                .map(User::getEmail).filter(e -> e != null && !e.isBlank()).toList();
    }

    private static void addIfPresent(java.util.Collection<String> to, String value) {
        if (value != null && !value.isBlank()) {
            to.add(value);
        }
    }
}
