package com.careloop.notification;

import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Test profile: the notifications of {@link NotificationBatchTest}'s completion process — one e-mail per task; a task
 * whose variable {@code failOnComplete} is true cannot be completed (its {@link #sent} throws), as when its process was
 * cancelled while the message went out.
 */
@Component
@Profile("test")
class CompletionProbeNotifications implements NotificationRequests {

    static final String PROCESS = "notificationCompletionTestProcess";

    @Override
    public String processDefinitionKey() {
        return PROCESS;
    }

    @Override
    public List<String> variableNames() {
        return List.of("failOnComplete");
    }

    @Override
    public Message compose(NotificationTask task) {
        return new Message("SLA_ESCALATION", new Object[] {task.businessKey(), "", "", "", "", ""}, List.of("probe@careloop.test"),
                List.of(), task.businessKey(), task.processInstanceId());
    }

    @Override
    public void sent(NotificationTask task, Message message) {
        if (Boolean.TRUE.equals(task.variable("failOnComplete"))) {
            throw new IllegalStateException("this task cannot be completed");
        }
    }
}
