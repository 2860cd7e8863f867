package com.careloop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.CareLoopTest;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The worker composes a fetched batch in one transaction; a task that cannot be composed must not take the
 * others down with it, nor be dropped: the batch is composed again one by one and only that task fails
 * (here: a process no module composes notifications for, without a retry cycle: an incident at once).
 */
class NotificationBatchTest extends CareLoopTest {

    static final String PROCESS = "notificationBatchTestProcess";

    @Autowired ProcessEngine engine;
    @Autowired NotificationWorker notifications;
    @Autowired DeliveryLog deliveries;

    @Test
    void aTaskThatCannotBeComposedFailsAloneAndVisibly() {
        deployOneNotificationTask(PROCESS);
        String key = "batch-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            engine.getRuntimeService().startProcessInstanceByKey(PROCESS, key);
        }

        assertThat(notifications.runOnce(key)).as("none can be composed").isZero();

        assertThat(engine.getRuntimeService().createIncidentQuery().processDefinitionKeyIn(PROCESS).list().stream()
                .filter(incident -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(incident.getProcessInstanceId())
                        .processInstanceBusinessKey(key).count() == 1)).as("each failed on its own, visibly").hasSize(3);
        assertThat(notifications.runOnce(key)).as("and is not fetched again").isZero();
    }

    /**
     * The sent tasks of a batch are completed in one transaction; one that cannot be completed rolls that back, then
     * each is completed on its own: the others complete, that one fails visibly, and nobody got a message twice.
     */
    @Test
    void aTaskThatCannotBeCompletedFailsAloneAndItsMessageIsNotSentAgain() {
        String process = CompletionProbeNotifications.PROCESS;
        deployOneNotificationTask(process);
        String key = "completion-" + UUID.randomUUID();
        for (int i = 0; i < 4; i++) {
            engine.getRuntimeService().startProcessInstanceByKey(process, key, Map.of("failOnComplete", i == 2));
        }

        assertThat(notifications.runOnce(key)).as("three of the four complete").isEqualTo(3);

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(process).processInstanceBusinessKey(key).list())
                .as("only the one that could not be completed is left").hasSize(1);
        assertThat(engine.getRuntimeService().createIncidentQuery().processDefinitionKeyIn(process).list().stream()
                .filter(incident -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(incident.getProcessInstanceId())
                        .processInstanceBusinessKey(key).count() == 1)).as("and it failed visibly").hasSize(1);
        assertThat(deliveries.byReference(key)).as("one message per task, none twice").hasSize(4);
    }

    /** Deploys (once per database) a process of one notification task between a start and an end event. */
    private void deployOneNotificationTask(String process) {
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(process).count() == 0) {
            BpmnModelInstance model = Bpmn.createExecutableProcess(process).camundaHistoryTimeToLive(1)
                    .startEvent("StartEvent_Notify").serviceTask("Task_Notify").camundaExternalTask(NotificationWorker.TOPIC)
                    .endEvent("EndEvent_Notified").done();
            engine.getRepositoryService().createDeployment().name(process).addModelInstance(process + ".bpmn", model).deploy();
        }
    }
}
