package com.careloop.quality.improvement;

import static com.careloop.identity.CareLoopGroups.CS_MANAGERS;

import com.careloop.notification.Message;
import com.careloop.notification.NotificationProperties;
import com.careloop.notification.NotificationRequests;
import com.careloop.notification.NotificationTask;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The notification tasks of improvementAction (topic "notification"): IMPROVEMENT_REMINDER to the owner team before
 * the deadline; IMPROVEMENT_ESCALATION to the owner team, cs-managers and the owner team's head once it is overdue.
 * One send per task and deadline (a reopened action's new deadline notifies again).
 */
@Component
class ImprovementNotifications implements NotificationRequests {

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final IdentityService identity;
    private final NotificationProperties props;
    private final Clock clock;

    ImprovementNotifications(IdentityService identity, NotificationProperties props, Clock clock) {
        this.identity = identity;
        this.props = props;
        this.clock = clock;
    }

    @Override
    public String processDefinitionKey() {
        return ImprovementVariables.PROCESS_KEY;
    }

    @Override
    public List<String> variableNames() {
        return List.of(ImprovementVariables.NOTIFICATION_TYPE, ImprovementVariables.OWNER_TEAM, ImprovementVariables.DEADLINE_AT,
                ImprovementVariables.TARGET_LABEL);
    }

    @Override
    public Message compose(NotificationTask task) {
        String type = (String) task.variable(ImprovementVariables.NOTIFICATION_TYPE);
        String team = (String) task.variable(ImprovementVariables.OWNER_TEAM);
        Object due = task.variable(ImprovementVariables.DEADLINE_AT);
        Set<String> email = new LinkedHashSet<>(emailsOf(team));
        if ("IMPROVEMENT_ESCALATION".equals(type)) {
            email.addAll(emailsOf(CS_MANAGERS));
            String head = props.departmentHeadEmail().get(team);
            if (head != null && !head.isBlank()) {
                email.add(head);
            }
        }
        String dueLabel = due instanceof Date d ? LABEL.format(d.toInstant().atZone(clock.getZone())) : "";
        Object[] args = {task.businessKey(), team, dueLabel, task.variable(ImprovementVariables.TARGET_LABEL)};
        String key = task.processInstanceId() + ":" + task.activityId() + ":" + (due instanceof Date d ? d.getTime() : 0);
        return new Message(type, args, List.copyOf(email), List.of(), task.businessKey(), key);
    }

    private List<String> emailsOf(String group) {
        if (group == null) {
            return List.of();
        }
        return identity.createUserQuery().memberOfGroup(group).list().stream().map(User::getEmail)
                .filter(e -> e != null && !e.isBlank()).toList();
    }
}
