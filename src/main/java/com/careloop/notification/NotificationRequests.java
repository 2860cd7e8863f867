package com.careloop.notification;

/**
 * What the notification tasks of one process send. The module that owns the process implements it (a Spring bean);
 * {@link NotificationWorker} serves that process's external tasks of topic {@value NotificationWorker#TOPIC} with it.
 */
public interface NotificationRequests {

    /** The key of the process whose notification tasks this composes (one implementation per process). */
    String processDefinitionKey();

    /** The process variables {@link #compose} reads (only those are fetched: ids and facts, never objects). */
    java.util.List<String> variableNames();

    /** The message of one task: runs in a short transaction before the send (reading the case and the recipients). */
    Message compose(NotificationTask task);

    /**
     * After every recipient was served, in the short transaction that completes the task: record what the owning
     * module keeps about it (runs once: if the completion fails, this is rolled back with it).
     */
    default void sent(NotificationTask task, Message message) {
    }
}
