package com.careloop.notification;

import java.util.Map;

/** One notification task of a process, as locked by {@link NotificationWorker}: where it is and its variables. */
public record NotificationTask(String id, String processInstanceId, String processDefinitionKey, String activityId,
                               String businessKey, Map<String, Object> variables) {

    public NotificationTask {
        variables = variables == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.HashMap<>(variables));
    }

    public Object variable(String name) {
        return variables.get(name);
    }
}
