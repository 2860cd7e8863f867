package com.careloop.feedback;

import com.careloop.notification.Message;
import com.careloop.notification.NotificationTask;
import com.careloop.notification.Notifier;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Kept for process definitions already deployed, not for anything in {@code bpmn/}: the versions of feedbackHandling
 * deployed before the notification tasks became external tasks (topic {@code notification}) have asynchronous service
 * tasks with {@code camunda:delegateExpression="${sendNotification}"}. Camunda keeps every deployed version, and an
 * instance started on one stays on it; the expression is resolved when its job runs, so without a bean of this name
 * such an instance would fail with an incident at its next notification. Nothing else calls it (the current models
 * name no {@code sendNotification}: LegacySendNotificationTest). It sends what {@link FeedbackNotifications} sends,
 * with the job's transaction suspended during the send (its connection stays checked out until the job ends, as it
 * always did for those versions). Remove it once no such instance is left: {@code select count(*) from
 * act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_ where d.key_ = 'feedbackHandling' and d.version_
 * < <the first version with external tasks>} is 0 on every database.
 */
@Component("sendNotification")
class LegacySendNotification implements JavaDelegate {

    private final FeedbackNotifications notifications;
    private final Notifier notifier;
    private final TransactionTemplate suspended;

    LegacySendNotification(FeedbackNotifications notifications, Notifier notifier, PlatformTransactionManager transactionManager) {
        this.notifications = notifications;
        this.notifier = notifier;
        this.suspended = new TransactionTemplate(transactionManager);
        this.suspended.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> variables = new HashMap<>();
        for (String name : notifications.variableNames()) {
            variables.put(name, execution.getVariable(name));
        }
        NotificationTask task = new NotificationTask(null, execution.getProcessInstanceId(), notifications.processDefinitionKey(),
                execution.getCurrentActivityId(), execution.getProcessBusinessKey(), variables);
        Message message = notifications.compose(task);
        suspended.executeWithoutResult(status -> notifier.send(message));
        notifications.sent(task, message);
    }
}
