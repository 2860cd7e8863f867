package com.careloop.quality.alert;

import com.careloop.notification.Message;
import com.careloop.notification.NotificationProperties;
import com.careloop.notification.NotificationRequests;
import com.careloop.notification.NotificationTask;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The notification task of qualityAlert (external task, topic "notification", served by the notification module's
 * worker): QUALITY_ALERT by e-mail to the members of the rule's group and its head (careloop.notification.
 * department-head-email), and by SMS to the head for CRITICAL rules. One send per alert.
 */
@Component
class QualityAlertNotifications implements NotificationRequests {

    private final IdentityService identity;
    private final NotificationProperties props;

    QualityAlertNotifications(IdentityService identity, NotificationProperties props) {
        this.identity = identity;
        this.props = props;
    }

    @Override
    public String processDefinitionKey() {
        return QualityAlerts.ALERT_PROCESS;
    }

    @Override
    public List<String> variableNames() {
        return List.of("notificationType", AlertVariables.METRIC_LABEL, AlertVariables.VALUE, AlertVariables.COMPARISON,
                AlertVariables.THRESHOLD, AlertVariables.WINDOW_LABEL, AlertVariables.SCOPE_LABEL, AlertVariables.SEVERITY,
                AlertVariables.CANDIDATE_GROUP);
    }

    @Override
    public Message compose(NotificationTask task) {
        String group = (String) task.variable(AlertVariables.CANDIDATE_GROUP);
        String severity = (String) task.variable(AlertVariables.SEVERITY);
        Set<String> email = new LinkedHashSet<>();
        identity.createUserQuery().memberOfGroup(group).list().stream().map(User::getEmail)
                .filter(e -> e != null && !e.isBlank()).forEach(email::add);
        addIfPresent(email, props.departmentHeadEmail().get(group));
        List<String> sms = new ArrayList<>();
        if ("CRITICAL".equalsIgnoreCase(severity)) {
            addIfPresent(sms, props.departmentHeadSms().get(group));
        }
        Object[] args = {task.businessKey(), task.variable(AlertVariables.METRIC_LABEL), task.variable(AlertVariables.VALUE),
                task.variable(AlertVariables.COMPARISON), task.variable(AlertVariables.THRESHOLD),
                task.variable(AlertVariables.WINDOW_LABEL), task.variable(AlertVariables.SCOPE_LABEL), severity, group};
        return new Message((String) task.variable("notificationType"), args, List.copyOf(email), sms, task.businessKey(),
                task.processInstanceId() + ":" + task.activityId());
    }

    private static void addIfPresent(java.util.Collection<String> to, String value) {
        if (value != null && !value.isBlank()) {
            to.add(value);
        }
    }
}
