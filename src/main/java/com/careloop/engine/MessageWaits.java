package com.careloop.engine;

import org.camunda.bpm.engine.RuntimeService;

/**
 * Whether a process instance waits for a message now (an event gateway's catch event or a task's boundary event):
 * the one check the survey answers of followUp and of feedbackHandling's re-visit make before they take an answer.
 */
public final class MessageWaits {

    private MessageWaits() {
    }

    /** True when {@code processInstanceId} (null: none) has an open subscription to the message {@code messageName}. */
    public static boolean waits(RuntimeService runtime, String processInstanceId, String messageName) {
        return processInstanceId != null && runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId)
                .eventType("message").eventName(messageName).count() > 0;
    }
}
