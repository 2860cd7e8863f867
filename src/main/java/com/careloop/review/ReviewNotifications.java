package com.careloop.review;

import static com.careloop.identity.CareLoopGroups.CS_MANAGERS;
import static com.careloop.identity.CareLoopGroups.CS_SUPERVISORS;

import com.careloop.notification.Message;
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
 * The notification tasks of callReviewCase (topic "notification"): REVIEW_REMINDER to cs-supervisors before the
 * review is due; REVIEW_ESCALATION to cs-supervisors and cs-managers once it is overdue; APPEAL_REMINDER to cs-managers
 * before the appeal is due; APPEAL_ESCALATION to cs-managers and cs-supervisors once it is overdue. One send per task.
 */
@Component
class ReviewNotifications implements NotificationRequests {

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final IdentityService identity;
    private final Clock clock;

    ReviewNotifications(IdentityService identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public String processDefinitionKey() {
        return ReviewVariables.CASE_PROCESS;
    }

    @Override
    public List<String> variableNames() {
        return List.of(ReviewVariables.NOTIFICATION_TYPE, ReviewVariables.REVIEW_DUE_AT, ReviewVariables.APPEAL_DUE_AT);
    }

    @Override
    public Message compose(NotificationTask task) {
        String type = (String) task.variable(ReviewVariables.NOTIFICATION_TYPE);
        boolean appeal = type != null && type.startsWith("APPEAL_");
        Object due = task.variable(appeal ? ReviewVariables.APPEAL_DUE_AT : ReviewVariables.REVIEW_DUE_AT);
        Set<String> email = new LinkedHashSet<>(emailsOf(appeal ? CS_MANAGERS : CS_SUPERVISORS));
        if ("REVIEW_ESCALATION".equals(type)) {
            email.addAll(emailsOf(CS_MANAGERS));
        } else if ("APPEAL_ESCALATION".equals(type)) {
            email.addAll(emailsOf(CS_SUPERVISORS));
        }
        String dueLabel = due instanceof Date d ? LABEL.format(d.toInstant().atZone(clock.getZone())) : "";
        return new Message(type, new Object[] {task.businessKey(), dueLabel}, List.copyOf(email), List.of(), task.businessKey(),
                task.processInstanceId() + ":" + task.activityId());
    }

    private List<String> emailsOf(String group) {
        return identity.createUserQuery().memberOfGroup(group).list().stream().map(User::getEmail)
                .filter(e -> e != null && !e.isBlank()).toList();
    }
}
