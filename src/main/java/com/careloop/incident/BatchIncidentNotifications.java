package com.careloop.incident;

import com.careloop.identity.CareLoopGroups;
import com.careloop.notification.Message;
import com.careloop.notification.NotificationProperties;
import com.careloop.notification.NotificationRequests;
import com.careloop.notification.NotificationTask;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The notification task of batchQualityIncident (external task, topic "notification"): BATCH_INCIDENT by e-mail to
 * the customer-service supervisors (group cs-supervisors) and the heads of the investigating teams (product,
 * aftersales-tech; careloop.notification.department-head-email). One send per incident.
 */
@Component
class BatchIncidentNotifications implements NotificationRequests {

    static final List<String> TOLD = List.of(CareLoopGroups.CS_SUPERVISORS, CareLoopGroups.PRODUCT, CareLoopGroups.AFTERSALES_TECH);

    private final IdentityService identity;
    private final NotificationProperties props;

    BatchIncidentNotifications(IdentityService identity, NotificationProperties props) {
        this.identity = identity;
        this.props = props;
    }

    @Override
    public String processDefinitionKey() {
        return BatchIncidents.PROCESS_KEY;
    }

    @Override
    public List<String> variableNames() {
        return List.of("notificationType", "productModel", "batch", "itemCount");
    }

    @Override
    public Message compose(NotificationTask task) {
        Set<String> email = new LinkedHashSet<>();
        identity.createUserQuery().memberOfGroup(CareLoopGroups.CS_SUPERVISORS).list().stream().map(User::getEmail)
                .filter(e -> e != null && !e.isBlank()).forEach(email::add);
        for (String group : TOLD) {
            String head = props.departmentHeadEmail().get(group);
            if (head != null && !head.isBlank()) {
                email.add(head);
            }
        }
        Object[] args = {task.businessKey(), task.variable("productModel"), task.variable("batch"), task.variable("itemCount")};
        return new Message((String) task.variable("notificationType"), args, List.copyOf(email), List.of(), task.businessKey(),
                task.processInstanceId() + ":" + task.activityId());
    }
}
