package com.careloop.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.careloop.testsupport.CareLoopTest;
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

    @Test
    void aTaskThatCannotBeComposedFailsAloneAndVisibly() {
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
            BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                    .startEvent("StartEvent_Batch").serviceTask("Task_NotifyBatch").camundaExternalTask(NotificationWorker.TOPIC)
                    .endEvent("EndEvent_Batch").done();
            engine.getRepositoryService().createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn", model).deploy();
        }
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
}
