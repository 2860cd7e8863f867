package com.careloop.feedback;

import static com.careloop.identity.CareLoopGroups.CS_SUPERVISORS;

import com.careloop.notification.Message;
import com.careloop.notification.NotificationProperties;
import com.careloop.notification.Notifier;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The async notification tasks of feedbackHandling (input notificationType, optional slaStage):
 * URGENT_ASSIGNED and SLA_REMINDER go to the owner group, SLA_ESCALATION to the supervisors and the
 * department head (e-mail, and SMS where a number is configured).
 */
@Component("sendNotification")
public class SendFeedbackNotification implements JavaDelegate {

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final FeedbackService feedback;
    private final Notifier notifier;
    private final IdentityService identity;
    private final NotificationProperties props;
    private final Clock clock;

    public SendFeedbackNotification(FeedbackService feedback, Notifier notifier, IdentityService identity,
                                    NotificationProperties props, Clock clock) {
        this.feedback = feedback;
        this.notifier = notifier;
        this.identity = identity;
        this.props = props;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String type = (String) execution.getVariable("notificationType");
        String stage = (String) execution.getVariable("slaStage");
        FeedbackItem item = feedback.itemOf(execution);
        String group = item.getDepartment();
        Object due = "RESOLUTION".equals(stage) ? execution.getVariable("resolutionDue") : execution.getVariable("responseDue");
        String dueLabel = due instanceof Date d ? LABEL.format(d.toInstant().atZone(clock.getZone())) : "";

        Set<String> email = new LinkedHashSet<>(emailsOf(group));
        List<String> sms = new ArrayList<>();
        if ("SLA_ESCALATION".equals(type)) {
            email.addAll(emailsOf(CS_SUPERVISORS));
            addIfPresent(email, props.departmentHeadEmail().get(group));
            addIfPresent(sms, props.departmentHeadSms().get(group));
        } else if ("URGENT_ASSIGNED".equals(type)) {
            addIfPresent(sms, props.departmentHeadSms().get(group));
        }
        String stageLabel = "RESOLUTION".equals(stage) ? "解决 resolution" : "响应 response";
        Object[] args = {item.getNumber(), item.getType().label(), item.getUrgency().label(), group, dueLabel, stageLabel};
        // one key per process, notification point and deadline: a reopened item's new deadline notifies again
        String key = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":"
                + (due instanceof Date d ? d.getTime() : 0);
        notifier.send(new Message(type, args, List.copyOf(email), sms, item.getNumber(), key));
        if ("SLA_REMINDER".equals(type)) {
            // escalations are logged by escalateOverdue; who got what is in the delivery log
            feedback.log(item, null, ProgressKind.REMINDER, stageLabel + " → " + String.join(", ", email));
        }
    }

    private List<String> emailsOf(String group) {
        if (group == null) {
            return List.of();
        }
        return identity.createUserQuery().memberOfGroup(group).list().stream()
                .map(User::getEmail).filter(e -> e != null && !e.isBlank()).toList();
    }

    private static void addIfPresent(java.util.Collection<String> to, String value) {
        if (value != null && !value.isBlank()) {
            to.add(value);
        }
    }
}
